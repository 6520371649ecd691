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

    private static final String PROVINCE = "34";
    private static final String PREFECTURE = "3418";
    private static final String COUNTY = "341825";
    private static final String TOWNSHIP = "341825100";
    private static final String VILLAGE = "341825100201";
    private static final String GRID = "341825100201007";

    private static RegionCode r(String code) {
        return RegionCode.parse(code);
    }

    @ParameterizedTest(name = "{0} is level {1}, parent {2}")
    @CsvSource({
        "34,              PROVINCE,   ''",
        "3418,            PREFECTURE, 34",
        "341825,          COUNTY,     3418",
        "341825100,       TOWNSHIP,   341825",
        "341825100201,    VILLAGE,    341825100",
        "341825100201007, GRID,       341825100201",
        "110101,          COUNTY,     1101",
        "010101,          COUNTY,     0101",
        "110101001001,    VILLAGE,    110101001",
    })
    void levelAndParent(String code, RegionLevel level, String parent) {
        RegionCode region = r(code);
        assertEquals(code, region.value());
        assertEquals(code, region.toString());
        assertEquals(level, region.level());
        assertEquals(parent.isEmpty() ? Optional.empty() : Optional.of(r(parent)), region.parent());
        assertTrue(RegionCode.isValid(code));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {COUNTY, TOWNSHIP, VILLAGE, GRID})
    void eventsAreKeyedByTheCounty(String code) {
        assertEquals(r(COUNTY), r(code).eventKey());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PROVINCE, PREFECTURE})
    void eventsAboveTheCountyAreKeyedByTheirOwnCode(String code) {
        assertEquals(r(code), r(code).eventKey());
    }

    @Test
    void ancestorsRunFromTheCountyDown() {
        assertEquals(List.of(r(PROVINCE)), r(PROVINCE).ancestorsAndSelf());
        assertEquals(List.of(r(PROVINCE), r(PREFECTURE), r(COUNTY)), r(COUNTY).ancestorsAndSelf());
        assertEquals(List.of(r(PROVINCE), r(PREFECTURE), r(COUNTY), r(TOWNSHIP), r(VILLAGE), r(GRID)),
                r(GRID).ancestorsAndSelf());
        assertThrows(UnsupportedOperationException.class, () -> r(GRID).ancestorsAndSelf().clear());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "34,              34",
        "3418,            34/3418",
        "341825,          34/3418/341825",
        "341825100,       34/3418/341825/341825100",
        "341825100201,    34/3418/341825/341825100/341825100201",
        "341825100201007, 34/3418/341825/341825100/341825100201/341825100201007",
    })
    void materializedPath(String code, String path) {
        assertEquals(path, r(code).path());
    }

    @Test
    void parentsWalkUpToTheProvince() {
        RegionCode region = r(GRID);
        for (String parent : List.of(VILLAGE, TOWNSHIP, COUNTY, PREFECTURE, PROVINCE)) {
            region = region.parent().orElseThrow();
            assertEquals(r(parent), region);
        }
        assertEquals(Optional.empty(), r(PROVINCE).parent());
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
        "341825100201,    3418,         true",
        "341825100201,    34,           true",
        "3418,            34,           true",
        // a neighbouring prefecture and province
        "341925,          3418,         false",
        "351825,          34,           false",
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PROVINCE, PREFECTURE, COUNTY, GRID})
    void theNationalScopeCoversEveryRegion(String code) {
        assertTrue(r(code).isWithin(RegionCode.NATIONAL));
        assertFalse(r(code).isWithin("cn"));
    }

    @ParameterizedTest(name = "scope [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"3", "34182", "3418251", "34182510", "341825 ", "34182a", "000000", "00", "CN "})
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
        "00", "0", "0018", "3400", "340025", "341800", "001825", "3418000", "CN", "cn",
        "      "
    })
    void rejectsWhatIsNotARegionCode(String code) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RegionCode.parse(code));
        assertFalse(e.getMessage().isBlank());
        assertFalse(RegionCode.isValid(code));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "34182           | Invalid region code '34182': expected 2, 4, 6, 9, 12 or 15 digits",
        "3418251         | Invalid region code '3418251': expected 2, 4, 6, 9, 12 or 15 digits",
        "34182a          | Invalid region code '34182a': only the digits 0-9 are allowed",
        "000000          | Invalid region code '000000': the province segment 00 does not name a region",
        "001825          | the province segment 00 does not name a region",
        "340025          | the prefecture segment 00 does not name a region",
        "341800          | codes are not padded with zeros; did you mean 3418?",
        "340000          | codes are not padded with zeros; did you mean 34?",
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
     * the codes {@link RegionCode#isValid} accepts: codes of every depth built from segments with and without
     * zeros, of the right and the wrong lengths, in every position, and with a non-digit in every position.
     */
    @Test
    void thePatternAcceptsExactlyTheValidCodes() {
        Pattern pattern = Pattern.compile(RegionCode.PATTERN);
        List<String> codes = new ArrayList<>(List.of("", "3", "34182", "3418251", "341825\n", "٣٤١٨٢٥"));
        List<String> shortSegments = List.of("00", "01", "10", "0", "100");
        List<String> longSegments = List.of("000", "001", "010", "100", "00", "1000");
        List<String> level = List.of("");
        for (int depth = 0; depth < 6; depth++) {
            List<String> segments = depth < 3 ? shortSegments : longSegments;
            level = level.stream().flatMap(code -> segments.stream().map(code::concat))
                    .filter(code -> code.length() <= 18).toList();
            codes.addAll(level);
        }
        for (String code : List.copyOf(codes)) {
            for (int at = 0; at < code.length(); at++) {
                codes.add(code.substring(0, at) + 'x' + code.substring(at + 1));
            }
        }
        assertTrue(codes.size() > 50_000, "cases: " + codes.size());
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

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "340000000000, 34",
        "341800000000, 3418",
        "341825000000, 341825",
        "341825100000, 341825100",
        "341825100201, 341825100201",
        "341825,       341825",
        "3418,         3418",
    })
    void theBureausPaddedCodesAreReadUnpadded(String padded, String code) {
        assertEquals(r(code), RegionCode.unpad(padded));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"000000000000", "340000000001", "34182500000", "3418250000000", "34182500000a"})
    void unpaddingStillRefusesWhatIsNoCode(String text) {
        assertThrows(IllegalArgumentException.class, () -> RegionCode.unpad(text));
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
