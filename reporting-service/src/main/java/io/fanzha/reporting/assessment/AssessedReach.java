package io.fanzha.reporting.assessment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fanzha.reporting.outreach.OutreachCounts;
import io.fanzha.reporting.readmodel.Sql;

/**
 * Households reached in a subtree between two days as an assessment counts them: as coverage does, less the
 * households that only records found at fault reached in those days.
 */
final class AssessedReach {

    private AssessedReach() {
    }

    /** Per village (per grid below a village), households reached. */
    static Map<String, Long> byVillage(Connection connection, String root, LocalDate from, LocalDate to,
            Findings findings) throws SQLException {
        int part = Math.max(12, root.length());
        Map<String, Long> reached = new LinkedHashMap<>();
        OutreachCounts.householdsByPart(connection, root, part, from, to, to)
                .forEach((village, reach) -> reached.put(village, reach.reached()));
        for (String[] household : reachedOnlyByFindings(connection, root, from, to, findings)) {
            reached.merge(household[0].substring(0, Math.min(part, household[0].length())), -1L, Long::sum);
        }
        return reached;
    }

    static long total(Connection connection, String root, LocalDate from, LocalDate to, Findings findings)
            throws SQLException {
        return byVillage(connection, root, from, to, findings).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The households (region of the visit, household) that records found at fault visited in the subtree and days
     * and no other counted visit did.
     */
    private static List<String[]> reachedOnlyByFindings(Connection connection, String root, LocalDate from, LocalDate to,
            Findings findings) throws SQLException {
        Set<List<String>> candidates = new LinkedHashSet<>();
        for (Findings.Finding finding : findings.all()) {
            if (finding.counted() && finding.household() != null && finding.village().startsWith(
                    root.substring(0, Math.min(12, root.length()))) && !finding.occurredOn().isBefore(from)
                    && !finding.occurredOn().isAfter(to)) {
                candidates.add(List.of(finding.village(), finding.household()));
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT min(o.region_code), k.village, k.ref FROM unnest(?::text[], ?::text[]) AS k(village, ref)
                JOIN outreach o ON o.counted AND o.village_code = k.village AND o.household_ref = k.ref
                  AND o.region_code LIKE ? || '%' AND o.occurred_on BETWEEN ? AND ?
                GROUP BY k.village, k.ref
                HAVING bool_and(o.id = ANY (?))""")) {
            Sql.setTexts(select, 1, candidates.stream().map(c -> c.get(0)).toList());
            Sql.setTexts(select, 2, candidates.stream().map(c -> c.get(1)).toList());
            select.setString(3, root);
            select.setObject(4, from);
            select.setObject(5, to);
            Sql.setUuids(select, 6, findings.excluded());
            List<String[]> households = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    households.add(new String[] { rows.getString(1), rows.getString(3) });
                }
            }
            return households;
        }
    }
}
