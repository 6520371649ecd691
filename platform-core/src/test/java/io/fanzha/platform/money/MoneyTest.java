package io.fanzha.platform.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

class MoneyTest {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void stringsAndExactNumbersAreReadAndWrittenWithTwoDecimals() throws Exception {
        assertEquals("125000.50", Money.parse("125000.5").toString());
        assertEquals("0.00", Money.parse("0").toString());
        assertEquals("\"125000.50\"", JSON.writeValueAsString(JSON.readValue("\"125000.5\"", Money.class)));
        assertEquals(Money.parse("125000.50"), JSON.readValue("125000.5", Money.class));
        assertEquals(Money.parse("12"), JSON.readValue("12", Money.class));
        // Sixteen integer digits and two decimals: more than a double holds exactly.
        assertEquals("9999999999999999.99", JSON.readValue("9999999999999999.99", Money.class).toString());
        assertEquals(Money.parse("1.10"), Money.of(new BigDecimal("1.1000")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "-1", "1.234", "1e3", "", " 12", "12,50", "¥12", "10000000000000000", "NaN" })
    void anythingElseIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Money.parse(text));
    }

    @Test
    void refusedAsNumbersToo() {
        assertThrows(IllegalArgumentException.class, () -> Money.of(new BigDecimal("-0.01")));
        assertThrows(IllegalArgumentException.class, () -> Money.of(new BigDecimal("0.001")));
        assertThrows(IllegalArgumentException.class, () -> Money.of(new BigDecimal("1E16")));
        assertThrows(IllegalArgumentException.class, () -> Money.of((Object) Boolean.TRUE));
        assertThrows(IllegalArgumentException.class, () -> Money.of((Object) 1.5d));
    }
}
