package io.fanzha.reporting.coverage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fanzha.reporting.goal.GoalQueries;
import io.fanzha.reporting.outreach.OutreachCounts;
import io.fanzha.reporting.readmodel.Freshness;
import io.fanzha.reporting.region.RegionRow;

/** Household coverage of a region and its children between two days. */
final class CoverageQueries {

    private CoverageQueries() {
    }

    static Optional<CoverageReport> coverage(Connection connection, Freshness freshness, String code, LocalDate from,
            LocalDate asOf) throws SQLException {
        Optional<RegionRow> found = RegionRow.find(connection, code);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RegionRow region = found.get();
        LocalDate start = from == null ? OutreachCounts.BEGINNING : from;
        LocalDate paceStart = asOf.minusDays(CoverageProgress.PACE_DAYS);
        List<RegionRow> children = RegionRow.children(connection, code);
        Map<String, OutreachCounts.Reach> parts = children.isEmpty() ? Map.of()
                : OutreachCounts.householdsByPart(connection, code, children.get(0).code().length(), start, paceStart,
                        asOf);
        // Down to the villages, the children's parts hold every household of the region once: one pass for both.
        CoverageProgress progress = !children.isEmpty() && children.get(0).code().length() <= 12
                ? CoverageProgress.of(sum(parts.values()), region.residentHouseholds(), asOf, 100)
                : CoverageProgress.of(connection, code, region.residentHouseholds(), start, asOf, 100);
        List<CoverageReport.Child> rows = new ArrayList<>(children.size());
        for (RegionRow child : children) {
            long households = parts.getOrDefault(child.code(), new OutreachCounts.Reach(0, 0)).reached();
            CoverageProgress childProgress = CoverageProgress.counted(households, child.residentHouseholds());
            rows.add(new CoverageReport.Child(child.code(), child.name(), child.level(), child.residentHouseholds(),
                    households, childProgress.percent(), childProgress.percentUnavailable()));
        }
        return Optional.of(new CoverageReport(code, region.name(), region.level(), from, asOf,
                region.residentHouseholds(), progress.reached(), progress.percent(), progress.percentUnavailable(),
                new CoverageReport.Pace(CoverageProgress.PACE_DAYS, progress.reachedLately(), progress.perDay(),
                        progress.projected()),
                GoalQueries.coverageOf(connection, code, asOf), rows, freshness));
    }

    private static OutreachCounts.Reach sum(Collection<OutreachCounts.Reach> parts) {
        long reached = 0;
        long before = 0;
        for (OutreachCounts.Reach part : parts) {
            reached += part.reached();
            before += part.reachedBefore();
        }
        return new OutreachCounts.Reach(reached, before);
    }
}
