package io.fanzha.platform.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTest {

    private static final String COUNTY = "341825";
    private static final String TOWNSHIP = "341825100";
    private static final String VILLAGE = "341825100201";
    private static final String GRID = "341825100201007";

    private static RegionCode r(String code) {
        return RegionCode.parse(code);
    }

    @ParameterizedTest(name = "{0} is level {1}, parent {2}")
    @CsvSource({
        "341825,          1, ''",
        "341825100,       2, 341825",
        "341825100201,    3, 341825100",
        "341825100201007, 4, 341825100201",
        "110101,          1, ''",
        "000001,          1, ''",
        "110101001001,    3, 110101001",
    })
    void levelAndParent(String code, int level, String parent) {
        RegionCode region = r(code);
        assertEquals(code, region.value());
        assertEquals(code, region.toString());
        assertEquals(level, region.level());
        assertEquals(parent.isEmpty() ? Optional.empty() : Optional.of(r(parent)), region.parent());
        assertTrue(RegionCode.isValid(code));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {COUNTY, TOWNSHIP, VILLAGE, GRID})
    void countyIsTheFirstSixDigits(String code) {
        assertEquals(r(COUNTY), r(code).county());
    }

    @Test
    void ancestorsRunFromTheCountyDown() {
        assertEquals(List.of(r(COUNTY)), r(COUNTY).ancestorsAndSelf());
        assertEquals(List.of(r(COUNTY), r(TOWNSHIP)), r(TOWNSHIP).ancestorsAndSelf());
        assertEquals(List.of(r(COUNTY), r(TOWNSHIP), r(VILLAGE)), r(VILLAGE).ancestorsAndSelf());
        assertEquals(List.of(r(COUNTY), r(TOWNSHIP), r(VILLAGE), r(GRID)), r(GRID).ancestorsAndSelf());
        assertThrows(UnsupportedOperationException.class, () -> r(GRID).ancestorsAndSelf().clear());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "341825,          341825",
        "341825100,       341825/341825100",
        "341825100201,    341825/341825100/341825100201",
        "341825100201007, 341825/341825100/341825100201/341825100201007",
    })
    void materializedPath(String code, String path) {
        assertEquals(path, r(code).path());
    }

    @Test
    void parentsWalkUpToTheCounty() {
        RegionCode grid = r(GRID);
        assertEquals(r(VILLAGE), grid.parent().orElseThrow());
        assertEquals(r(TOWNSHIP), grid.parent().flatMap(RegionCode::parent).orElseThrow());
        assertEquals(r(COUNTY), grid.parent().flatMap(RegionCode::parent).flatMap(RegionCode::parent).orElseThrow());
        assertEquals(Optional.empty(), r(COUNTY).parent());
    }

    @ParameterizedTest(name = "{0} within {1}: {2}")
    @CsvSource({
        // self, child, grandchild, great-grandchild
        "341825,          341825,       true",
        "341825100,       341825,       true",
        "341825100201,    341825,       true",
        "341825100201007, 341825,       true",
        "341825100201,    341825100,    true",
        "341825100201007, 341825100201, true",
        "341825100201,    341825100201, true",
        // ancestors are not within their descendants
        "341825,          341825100,    false",
        "341825100,       341825100201, false",
        // sibling county and its subtree
        "341824,          341825,       false",
        "341824100201,    341825,       false",
        "341825100201,    341824,       false",
        // sibling township and village under the same parent
        "341825101201,    341825100,    false",
        "341825100202,    341825100201, false",
        // same village number under another township
        "341825101201,    341825100201, false",
    })
    void withinIsSelfOrDescendant(String code, String scope, boolean within) {
        assertEquals(within, r(code).isWithin(r(scope)));
        assertEquals(within, r(code).isWithin(scope));
    }

    @ParameterizedTest(name = "scope [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"3418", "34182", "3418251", "34182510", "341825 ", "34182a", "000000"})
    void aMalformedScopeGrantsNothing(String scope) {
        // 3418251 is a string prefix of the village but not a region code, so it can never be a scope
        assertFalse(r(VILLAGE).isWithin(scope));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {
        "34182", "3418251", "3418251002", "34182510020", "3418251002010", "34182510020100", "3418251002010071",
        "341825100201007100", "3", "34182a", "34182A", "3418 25", " 341825", "341825 ", "341825\n", "34-825",
        "+341825", "-341825", "3418.5", "0x1825", "３４１８２５", "٣٤١٨٢٥", "000000", "000000100", "000000100201",
        "341825000", "341825000000", "341825100000", "341825000201", "341825100201000", "341825100000007",
        "      "
    })
    void rejectsWhatIsNotARegionCode(String code) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RegionCode.parse(code));
        assertFalse(e.getMessage().isBlank());
        assertFalse(RegionCode.isValid(code));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "34182           | Invalid region code '34182': expected 6, 9, 12 or 15 digits",
        "3418251         | Invalid region code '3418251': expected 6, 9, 12 or 15 digits",
        "34182a          | Invalid region code '34182a': only the digits 0-9 are allowed",
        "000000          | Invalid region code '000000': the county part 000000 is not a county",
        "341825000000    | codes are not padded with zeros; did you mean 341825?",
        "341825100000    | codes are not padded with zeros; did you mean 341825100?",
        "341825000201    | the township segment 000 does not name a region",
        "341825100000007 | the village segment 000 does not name a region",
        "341825100201000 | codes are not padded with zeros; did you mean 341825100201?",
    })
    void explainsWhatIsWrong(String code, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RegionCode.parse(code));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    /**
     * {@link RegionCode#PATTERN} is what the OpenAPI documents and request bodies use: it must accept exactly
     * the codes {@link RegionCode#isValid} accepts. Every length from 0 to 18, built from county parts and
     * segments with and without zeros in every position, and with a non-digit in every position.
     */
    @Test
    void thePatternAcceptsExactlyTheValidCodes() {
        Pattern pattern = Pattern.compile(RegionCode.PATTERN);
        List<String> codes = new ArrayList<>(List.of("", "3", "34182", "3418251", "341825\n", "٣٤١٨٢٥"));
        List<String> counties = List.of("000000", "000001", "100000", "010000", "341825");
        List<String> segments = List.of("000", "001", "010", "100", "999", "00", "0", "1000");
        for (String county : counties) {
            List<String> level = List.of(county);
            for (int depth = 0; depth <= 3; depth++) {
                codes.addAll(level);
                level = level.stream().flatMap(code -> segments.stream().map(code::concat)).toList();
            }
        }
        for (String code : List.copyOf(codes)) {
            for (int at = 0; at < code.length(); at++) {
                codes.add(code.substring(0, at) + 'x' + code.substring(at + 1));
            }
        }
        assertTrue(codes.size() > 10_000, "cases: " + codes.size());
        for (String code : codes) {
            assertEquals(RegionCode.isValid(code), pattern.matcher(code).matches(), code);
        }
    }

    @Test
    void namesAMissingCodeAndShortensHugeInput() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RegionCode.parse(null)).getMessage()
                .startsWith("Missing region code"));
        String huge = "3".repeat(10_000);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RegionCode.parse(huge)).getMessage()
                .length() < 200);
    }

    @Test
    void equalityIsByValue() {
        assertEquals(r(VILLAGE), r(new String(VILLAGE.toCharArray())));
        assertEquals(r(VILLAGE).hashCode(), r(new String(VILLAGE.toCharArray())).hashCode());
        assertEquals(r(TOWNSHIP), r(VILLAGE).parent().orElseThrow());
        assertNotEquals(r(VILLAGE), r(TOWNSHIP));
        assertNotEquals(r(COUNTY), (Object) COUNTY);
    }

    record RegionView(RegionCode code, RegionCode parentCode, int level) {
    }

    @Test
    void jsonIsAPlainString() throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        assertEquals("\"341825100201\"", mapper.writeValueAsString(r(VILLAGE)));
        assertEquals(r(VILLAGE), mapper.readValue("\"341825100201\"", RegionCode.class));

        String json = "{\"code\":\"341825100201\",\"parentCode\":\"341825100\",\"level\":3}";
        RegionView view = mapper.readValue(json, RegionView.class);
        assertEquals(new RegionView(r(VILLAGE), r(TOWNSHIP), 3), view);
        assertEquals(json, mapper.writeValueAsString(view));

        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue("\"341825000000\"", RegionCode.class));
        assertInstanceOf(IllegalArgumentException.class, e.getCause(), e.toString());
    }
}
