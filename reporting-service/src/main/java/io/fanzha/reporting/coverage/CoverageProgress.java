package io.fanzha.reporting.coverage;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

import io.fanzha.reporting.outreach.OutreachCounts;
import io.fanzha.reporting.report.Percent;

/**
 * A region's household coverage between two days, and when a target percent is reached at the pace of the last
 * {@value #PACE_DAYS} days (households reached for the first time in the window then).
 */
public record CoverageProgress(long reached, Integer resident, BigDecimal percent, long reachedLately,
        LocalDate projected) {

    public static final int PACE_DAYS = 28;

    public static CoverageProgress of(Connection connection, String region, Integer resident, LocalDate from,
            LocalDate to, int targetPercent) throws SQLException {
        return of(OutreachCounts.households(connection, region, from, to.minusDays(PACE_DAYS), to), resident, to,
                targetPercent);
    }

    /** From households reached by {@code to} and by {@value #PACE_DAYS} days before it. */
    static CoverageProgress of(OutreachCounts.Reach reach, Integer resident, LocalDate to, int targetPercent) {
        long lately = reach.reached() - reach.reachedBefore();
        return new CoverageProgress(reach.reached(), resident, Percent.of(reach.reached(), resident), lately,
                projection(reach.reached(), resident, lately, to, targetPercent));
    }

    /** Households reached and their share, without a pace. */
    public static CoverageProgress counted(long reached, Integer resident) {
        return new CoverageProgress(reached, resident, Percent.of(reached, resident), 0, null);
    }

    public boolean denominatorUnknown() {
        return resident == null || resident == 0;
    }

    /** Why there is no percentage, or null. */
    public String percentUnavailable() {
        if (resident == null) {
            return "RESIDENT_HOUSEHOLDS_UNKNOWN";
        }
        return resident == 0 ? "NO_RESIDENT_HOUSEHOLDS" : null;
    }

    public BigDecimal perDay() {
        return BigDecimal.valueOf(reachedLately).divide(BigDecimal.valueOf(PACE_DAYS), 1, java.math.RoundingMode.HALF_UP);
    }

    private static LocalDate projection(long reached, Integer resident, long lately, LocalDate to, int targetPercent) {
        if (resident == null || resident == 0 || lately == 0) {
            return null;
        }
        long needed = (resident * (long) targetPercent + 99) / 100 - reached;
        if (needed <= 0) {
            return null;
        }
        return to.plusDays((needed * PACE_DAYS + lately - 1) / lately);
    }
}
