package io.fanzha.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataTest {

    @ParameterizedTest
    @CsvSource({
        "34182519800101123X, an ID number",
        "hh-34182519800101123x, an ID number",
        "341825 1980 0101 1234, an ID number",
        "13812345678, a phone number",
        "HH-138-1234-5678, a phone number",
        "+8613812345678, a phone number" })
    void shapesOfPersonalDataAreFound(String text, String kind) {
        assertEquals(Optional.of(kind), PersonalData.foundIn(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "HH-0042", "341825100201-07", "12345678901", "2024-W05", "A3", "1381234567", "341825100201-001" })
    void opaqueReferencesPass(String text) {
        assertEquals(Optional.empty(), PersonalData.foundIn(text));
    }
}
