package io.fanzha.platform.region;

import java.util.Optional;

/** The levels of the region tree, each with the length of its codes. */
public enum RegionLevel {
    PROVINCE(2),
    PREFECTURE(4),
    COUNTY(6),
    TOWNSHIP(9),
    VILLAGE(12),
    GRID(15);

    private final int codeLength;

    RegionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    /** The level whose codes have this many digits, if any. */
    public static Optional<RegionLevel> ofCodeLength(int length) {
        for (RegionLevel level : values()) {
            if (level.codeLength == length) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** The level above this one; empty for a province. */
    public Optional<RegionLevel> parent() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }
}
