package io.fanzha.reporting.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages as reports give them: one decimal, rounded half up; none where the base is zero or unknown. */
public final class Percent {

    private Percent() {
    }

    /** part / whole × 100; null when whole is null or 0. */
    public static BigDecimal of(long part, Integer whole) {
        if (whole == null || whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** The change from {@code before} to {@code now} in percent of before; null when before is 0. */
    public static BigDecimal change(BigDecimal now, BigDecimal before) {
        if (before.signum() == 0) {
            return null;
        }
        return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
    }

    public static BigDecimal change(long now, long before) {
        return change(BigDecimal.valueOf(now), BigDecimal.valueOf(before));
    }
}
