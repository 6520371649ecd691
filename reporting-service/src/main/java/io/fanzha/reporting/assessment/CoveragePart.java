package io.fanzha.reporting.assessment;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fanzha.reporting.region.RegionRow;

/**
 * Coverage: the households of the unit's region reached in the period's days against the scheme's target percent of
 * its resident households (all points at the target). The points missed are laid on the villages short of the target,
 * each by its shortfall.
 */
final class CoveragePart {

    private CoveragePart() {
    }

    static Part assess(Connection connection, String region, SchemeRules rules, Window window, Findings findings)
            throws SQLException {
        Optional<RegionRow> row = RegionRow.find(connection, region);
        Integer households = row.map(RegionRow::residentHouseholds).orElse(null);
        if (households == null || households <= 0) {
            return Part.notApplicable(Part.Kind.COVERAGE, "The resident households of " + region + " are not known.");
        }
        Map<String, Long> reachedByVillage = AssessedReach.byVillage(connection, region, window.from(), window.to(),
                findings);
        long reached = reachedByVillage.values().stream().mapToLong(Long::longValue).sum();
        int target = rules.coverageTargetPercent();
        double earned = Math.min(1, reached / (households * target / 100.0));
        String query = "?from=" + window.from() + "&asOf=" + window.to();
        List<Part.Cost> costs = new ArrayList<>();
        if (earned < 1) {
            List<RegionRow> villages = region.length() >= 12 ? List.of()
                    : RegionRow.subtreeToVillages(connection, region).stream()
                            .filter(v -> v.code().length() == 12 && v.residentHouseholds() != null
                                    && v.residentHouseholds() > 0).toList();
            long shortfall = 0;
            for (RegionRow village : villages) {
                shortfall += shortfall(village.residentHouseholds(), target, reachedByVillage.get(village.code()));
            }
            for (RegionRow village : villages) {
                long missing = shortfall(village.residentHouseholds(), target, reachedByVillage.get(village.code()));
                if (missing > 0) {
                    costs.add(new Part.Cost("VILLAGE", village.code(), "/api/v1/reports/coverage/" + village.code() + query,
                            (1 - earned) * missing / shortfall, Part.facts("name", village.name(), "residentHouseholds",
                                    village.residentHouseholds(), "householdsReached",
                                    reachedByVillage.getOrDefault(village.code(), 0L), "shortOfTarget", missing)));
                }
            }
            if (costs.isEmpty()) {
                costs.add(new Part.Cost("REGION", region, "/api/v1/reports/coverage/" + region + query, 1 - earned,
                        Part.facts("name", row.get().name(), "residentHouseholds", households, "householdsReached",
                                reached)));
            }
        }
        return new Part(Part.Kind.COVERAGE, earned, null, Part.facts("residentHouseholds", households,
                "householdsReached", reached, "percent", Part.percent((double) reached / households),
                "targetPercent", target), costs);
    }

    /** Households a village needs yet to reach the target. */
    private static long shortfall(int households, int target, Long reached) {
        long needed = (long) Math.ceil(households * target / 100.0);
        return Math.max(0, needed - (reached == null ? 0 : reached));
    }
}
