package io.fanzha.platform.region;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A node of the region tree, named by its national statistical division code: a province is 2 digits (34), a
 * prefecture 4 (3418), a county 6 (341825), a township 9 (341825100), a village or community 12 (341825100201),
 * a grid below a village 15 (a locally assigned 3-digit suffix). A child's code extends its parent's, so the
 * parent follows from the code and region scope is a prefix test: the subtree of R is every code that starts
 * with R. The token claim {@value #NATIONAL} is the national scope, above every province.
 *
 * <p>Codes are never padded: the statistics bureau's 12-digit tables write a county as 341825000000, which here
 * would read as a village; every segment must therefore be non-zero, so a padded code is refused instead of
 * landing silently in the wrong place of the tree. {@link #unpad} reads the padded form where a file from the
 * bureau is expected.
 */
public final class RegionCode {

    /** The scope claim that covers every region. */
    public static final String NATIONAL = "CN";

    /**
     * What {@link #isValid} accepts, as a regular expression that Java and ECMA-262 (JSON Schema, OpenAPI) read
     * alike: request fields carry it as {@code @Pattern(regexp = PATTERN, message = MESSAGE)}, so the server and
     * its OpenAPI document judge a code by one rule. {@code RegionCodeTest} holds the two in step.
     */
    public static final String PATTERN =
            "^(?!00)[0-9]{2}(?:(?!00)[0-9]{2}(?:(?!00)[0-9]{2}(?:(?!000)[0-9]{3}){0,3})?)?$";
    public static final String MESSAGE = "must be a region code: 2, 4, 6, 9, 12 or 15 digits, no zero segment";

    /** Where each segment ends: province, prefecture, county, township, village, grid. */
    private static final int[] SEGMENT_ENDS = {2, 4, 6, 9, 12, 15};
    private static final String[] SEGMENT_NAMES = {"province", "prefecture", "county", "township", "village", "grid"};
    private static final String EXPECTED = "expected 2, 4, 6, 9, 12 or 15 digits (province, prefecture, county, "
            + "township, village, grid), e.g. 341825100201";

    private final String value;
    private final RegionLevel level;

    private RegionCode(String value) {
        this.value = value;
        this.level = RegionLevel.ofCodeLength(value.length()).orElseThrow();
    }

    /** Reads a code strictly: ASCII digits only, no blanks, no padding; else {@link IllegalArgumentException}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RegionCode parse(String text) {
        String problem = problemWith(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new RegionCode(text);
    }

    public static boolean isValid(String text) {
        return problemWith(text) == null;
    }

    /**
     * Reads a code as the statistics bureau writes it, padded with zero segments to 12 digits (341825000000 is
     * the county 341825, 340000000000 the province 34), or unpadded; else {@link IllegalArgumentException}.
     */
    public static RegionCode unpad(String text) {
        if (text != null && text.length() == 12 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String unpadded = text;
            for (int i = SEGMENT_ENDS.length - 3; i >= 0 && unpadded.length() == SEGMENT_ENDS[i + 1]; i--) {
                String segment = unpadded.substring(SEGMENT_ENDS[i]);
                if (!segment.chars().allMatch(c -> c == '0')) {
                    break;
                }
                unpadded = unpadded.substring(0, SEGMENT_ENDS[i]);
            }
            return parse(unpadded);
        }
        return parse(text);
    }

    @JsonValue
    public String value() {
        return value;
    }

    public RegionLevel level() {
        return level;
    }

    /** The enclosing region; empty for a province, the top of the tree. */
    public Optional<RegionCode> parent() {
        return level.parent().map(parent -> new RegionCode(value.substring(0, parent.codeLength())));
    }

    /**
     * The key that orders this region's events: the county the code lies in, or the code itself above county
     * level, so events of one county stay in order while counties spread over partitions.
     */
    public RegionCode eventKey() {
        return level.compareTo(RegionLevel.COUNTY) <= 0 ? this : new RegionCode(value.substring(0, RegionLevel.COUNTY.codeLength()));
    }

    /** From the province down to this code. */
    public List<RegionCode> ancestorsAndSelf() {
        List<RegionCode> chain = new ArrayList<>(SEGMENT_ENDS.length);
        for (int i = 0; SEGMENT_ENDS[i] < value.length(); i++) {
            chain.add(new RegionCode(value.substring(0, SEGMENT_ENDS[i])));
        }
        chain.add(this);
        return Collections.unmodifiableList(chain);
    }

    /** The materialized path from the province, e.g. {@code 34/3418/341825/341825100}. */
    public String path() {
        return String.join("/", ancestorsAndSelf().stream().map(RegionCode::value).toList());
    }

    /** True when this code is {@code scope} itself or lies below it. */
    public boolean isWithin(RegionCode scope) {
        return value.startsWith(scope.value);
    }

    /**
     * As {@link #isWithin(RegionCode)}, for a scope taken straight from a token claim: {@value #NATIONAL} covers
     * everything; a missing or malformed scope grants nothing (false), so a bad claim fails closed as a scope
     * refusal, not as the caller's bad input.
     */
    public boolean isWithin(String scope) {
        return NATIONAL.equals(scope) || (isValid(scope) && value.startsWith(scope));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionCode other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }

    /** Why {@code text} is not a region code, or null when it is one. */
    private static String problemWith(String text) {
        if (text == null) {
            return "Missing region code: " + EXPECTED;
        }
        String quoted = "Invalid region code '" + (text.length() <= 20 ? text : text.substring(0, 20) + "…") + "': ";
        if (RegionLevel.ofCodeLength(text.length()).isEmpty()) {
            return quoted + EXPECTED;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return quoted + "only the digits 0-9 are allowed; " + EXPECTED;
            }
        }
        for (int i = 0, start = 0; start < text.length(); start = SEGMENT_ENDS[i++]) {
            if (text.substring(start, SEGMENT_ENDS[i]).chars().allMatch(c -> c == '0')) {
                boolean padded = text.chars().skip(start).allMatch(c -> c == '0');
                return padded && start > 0
                        ? quoted + "codes are not padded with zeros; did you mean " + text.substring(0, start) + "?"
                        : quoted + "the " + SEGMENT_NAMES[i] + " segment " + text.substring(start, SEGMENT_ENDS[i])
                                + " does not name a region";
            }
        }
        return null;
    }
}
