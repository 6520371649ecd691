package io.fanzha.platform.region;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A node of the region tree, named by its national statistical division code: a county is 6 digits
 * (341825), a township 9 (341825100), a village or community 12 (341825100201), a grid below a village 15
 * (a locally assigned 3-digit suffix). A child's code extends its parent's by one 3-digit segment, so
 * region scope is a prefix test: the subtree of R is every code that starts with R.
 *
 * <p>Codes are never padded: the statistics bureau's 12-digit tables write a county as 341825000000, which
 * here would read as a village; every segment must therefore be non-zero, so a padded code is rejected
 * instead of landing silently in the wrong place of the tree.
 */
public final class RegionCode {

    private static final int SEGMENT = 3;
    private static final int COUNTY_LENGTH = 6;
    private static final int MAX_LEVEL = 4;
    private static final String[] SEGMENT_NAMES = {"township", "village", "grid"};
    /**
     * What {@link #isValid} accepts, as a regular expression that Java and ECMA-262 (JSON Schema, OpenAPI) read
     * alike: request fields carry it as {@code @Pattern(regexp = PATTERN, message = MESSAGE)}, so the server and
     * its OpenAPI document judge a code by one rule. {@code RegionCodeTest} holds the two in step.
     */
    public static final String PATTERN = "^(?!000000)[0-9]{6}(?:(?!000)[0-9]{3}){0,3}$";
    public static final String MESSAGE = "must be a region code: 6, 9, 12 or 15 digits, no zero segment";

    private static final String EXPECTED =
            "expected 6, 9, 12 or 15 digits (county, township, village, grid), e.g. 341825100201";

    private final String value;

    private RegionCode(String value) {
        this.value = value;
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

    @JsonValue
    public String value() {
        return value;
    }

    /** 1 county, 2 township, 3 village or community, 4 grid. */
    public int level() {
        return value.length() / SEGMENT - 1;
    }

    /** The enclosing region; empty for a county, the top of Fanzha's tree. */
    public Optional<RegionCode> parent() {
        if (level() == 1) {
            return Optional.empty();
        }
        return Optional.of(new RegionCode(value.substring(0, value.length() - SEGMENT)));
    }

    public RegionCode county() {
        return level() == 1 ? this : new RegionCode(value.substring(0, COUNTY_LENGTH));
    }

    /** From the county down to this code. */
    public List<RegionCode> ancestorsAndSelf() {
        List<RegionCode> chain = new ArrayList<>(MAX_LEVEL);
        for (int end = COUNTY_LENGTH; end < value.length(); end += SEGMENT) {
            chain.add(new RegionCode(value.substring(0, end)));
        }
        chain.add(this);
        return Collections.unmodifiableList(chain);
    }

    /** The materialized path, e.g. {@code 341825/341825100/341825100201}. */
    public String path() {
        StringBuilder path = new StringBuilder(value.length() * 2);
        for (int end = COUNTY_LENGTH; end <= value.length(); end += SEGMENT) {
            if (end > COUNTY_LENGTH) {
                path.append('/');
            }
            path.append(value, 0, end);
        }
        return path.toString();
    }

    /** True when this code is {@code scope} itself or lies below it. */
    public boolean isWithin(RegionCode scope) {
        return value.startsWith(scope.value);
    }

    /**
     * As {@link #isWithin(RegionCode)}, for a scope taken straight from a token claim: a missing or malformed
     * scope grants nothing (false), so a bad claim fails closed as a scope refusal, not as the caller's bad input.
     */
    public boolean isWithin(String scope) {
        return isValid(scope) && value.startsWith(scope);
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
        int length = text.length();
        if (length < COUNTY_LENGTH || length > COUNTY_LENGTH + (MAX_LEVEL - 1) * SEGMENT || length % SEGMENT != 0) {
            return quoted + EXPECTED;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return quoted + "only the digits 0-9 are allowed; " + EXPECTED;
            }
        }
        if (text.startsWith("000000")) {
            return quoted + "the county part 000000 is not a county";
        }
        for (int at = COUNTY_LENGTH; at < length; at += SEGMENT) {
            if (text.startsWith("000", at)) {
                boolean padded = text.chars().skip(at).allMatch(c -> c == '0');
                return padded
                        ? quoted + "codes are not padded with zeros; did you mean " + text.substring(0, at) + "?"
                        : quoted + "the " + SEGMENT_NAMES[at / SEGMENT - 2] + " segment 000 does not name a region";
            }
        }
        return null;
    }
}
