package io.fanzha.reporting.coverage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
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
        CoverageProgress progress = CoverageProgress.of(connection, code, region.residentHouseholds(), start, asOf, 100);
        List<RegionRow> children = RegionRow.children(connection, code);
        List<CoverageReport.Child> rows = new ArrayList<>(children.size());
        if (!children.isEmpty()) {
            Map<String, Long> reached = OutreachCounts.householdsByPart(connection, code,
                    children.get(0).code().length(), start, asOf);
            for (RegionRow child : children) {
                long households = reached.getOrDefault(child.code(), 0L);
                CoverageProgress childProgress = CoverageProgress.counted(households, child.residentHouseholds());
                rows.add(new CoverageReport.Child(child.code(), child.name(), child.level(), child.residentHouseholds(),
                        households, childProgress.percent(), childProgress.percentUnavailable()));
            }
        }
        return Optional.of(new CoverageReport(code, region.name(), region.level(), from, asOf,
                region.residentHouseholds(), progress.reached(), progress.percent(), progress.percentUnavailable(),
                new CoverageReport.Pace(CoverageProgress.PACE_DAYS, progress.reachedLately(), progress.perDay(),
                        progress.projected()),
                GoalQueries.coverageOf(connection, code, asOf), rows, freshness));
    }
}
