package io.fanzha.reporting.traceback;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.fanzha.platform.period.Period;
import io.fanzha.reporting.readmodel.Freshness;
import io.fanzha.reporting.region.RegionRow;

/**
 * For each case record of a subtree and period: the counted door-to-door visits to its household, and the counted
 * outreach in its village (or in the region it was recorded in, when that is above a village), in the days before it.
 */
public final class TraceBackQueries {

    static final int AREA_RECORDS_LISTED = 20;

    private TraceBackQueries() {
    }

    public static Optional<TraceBack> traceBack(Connection connection, Freshness freshness, String code, Period period,
            int withinDays) throws SQLException {
        Optional<RegionRow> region = RegionRow.find(connection, code);
        if (region.isEmpty()) {
            return Optional.empty();
        }
        Map<String, RegionRow> villages = new LinkedHashMap<>();
        for (RegionRow row : RegionRow.subtreeToVillages(connection, code)) {
            villages.put(row.code(), row);
        }
        List<TraceBack.Case> cases = new ArrayList<>();
        for (CaseRow row : cases(connection, code, period)) {
            cases.add(trace(connection, row, villages.get(row.villageCode()), withinDays));
        }
        return Optional.of(new TraceBack(code, region.get().name(), period.toString(), period.start(), period.end(),
                withinDays, summary(cases), cases, villagesWithoutOutreach(cases, villages), freshness));
    }

    private record CaseRow(UUID id, LocalDate occurredOn, String regionCode, String villageCode, String category,
            BigDecimal loss, String ageBand, String targetGroup, String householdRef) {
    }

    private static List<CaseRow> cases(Connection connection, String code, Period period) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, occurred_on, region_code, village_code, category, loss, age_band, target_group, household_ref
                FROM case_record WHERE NOT deleted AND region_code LIKE ? || '%' AND occurred_on BETWEEN ? AND ?
                ORDER BY occurred_on, id""")) {
            select.setString(1, code);
            select.setObject(2, period.start());
            select.setObject(3, period.end());
            List<CaseRow> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new CaseRow(result.getObject(1, UUID.class), result.getObject(2, LocalDate.class),
                            result.getString(3), result.getString(4), result.getString(5), result.getBigDecimal(6),
                            result.getString(7), result.getString(8), result.getString(9)));
                }
            }
            return rows;
        }
    }

    private static TraceBack.Case trace(Connection connection, CaseRow row, RegionRow village, int withinDays)
            throws SQLException {
        LocalDate from = row.occurredOn().minusDays(withinDays);
        LocalDate to = row.occurredOn().minusDays(1);
        List<TraceBack.Visit> householdVisits = row.villageCode() == null || row.householdRef() == null ? List.of()
                : householdVisits(connection, row.villageCode(), row.householdRef(), from, to);
        String area = row.villageCode() == null ? row.regionCode() : row.villageCode();
        List<TraceBack.Visit> areaOutreach = new ArrayList<>();
        int areaRecords = areaOutreach(connection, area, from, to, areaOutreach);
        List<String> groups = groupsReached(connection, area, from, to);
        String reached = !householdVisits.isEmpty() ? "HOUSEHOLD"
                : areaRecords == 0 ? "NONE" : row.villageCode() == null ? "REGION" : "VILLAGE";
        return new TraceBack.Case(row.id(), "/api/v1/cases/" + row.id(), row.occurredOn(), row.regionCode(),
                row.villageCode(), village == null ? null : village.name(), row.category(), row.loss(), row.ageBand(),
                row.targetGroup(), row.householdRef(), reached, from, to, householdVisits, areaRecords, areaOutreach,
                groups, row.targetGroup() == null ? null : groups.contains(row.targetGroup()));
    }

    private static List<TraceBack.Visit> householdVisits(Connection connection, String village, String household,
            LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, occurred_on, kind, unit_id, target_group FROM outreach
                WHERE counted AND village_code = ? AND household_ref = ? AND occurred_on BETWEEN ? AND ?
                ORDER BY occurred_on DESC, id""")) {
            select.setString(1, village);
            select.setString(2, household);
            select.setObject(3, from);
            select.setObject(4, to);
            List<TraceBack.Visit> visits = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    visits.add(visit(rows));
                }
            }
            return visits;
        }
    }

    /** Adds the newest records of the area to {@code listed}; answers how many there are in all. */
    private static int areaOutreach(Connection connection, String area, LocalDate from, LocalDate to,
            List<TraceBack.Visit> listed) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, occurred_on, kind, unit_id, target_group, count(*) OVER () FROM outreach
                WHERE counted AND region_code LIKE ? || '%' AND occurred_on BETWEEN ? AND ?
                ORDER BY occurred_on DESC, id LIMIT ?""")) {
            select.setString(1, area);
            select.setObject(2, from);
            select.setObject(3, to);
            select.setInt(4, AREA_RECORDS_LISTED);
            int total = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    listed.add(visit(rows));
                    total = rows.getInt(6);
                }
            }
            return total;
        }
    }

    private static List<String> groupsReached(Connection connection, String area, LocalDate from, LocalDate to)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT DISTINCT target_group FROM outreach
                WHERE counted AND region_code LIKE ? || '%' AND occurred_on BETWEEN ? AND ? AND target_group IS NOT NULL
                ORDER BY target_group""")) {
            select.setString(1, area);
            select.setObject(2, from);
            select.setObject(3, to);
            List<String> groups = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    groups.add(rows.getString(1));
                }
            }
            return groups;
        }
    }

    private static TraceBack.Visit visit(ResultSet rows) throws SQLException {
        UUID id = rows.getObject(1, UUID.class);
        return new TraceBack.Visit(id, "/api/v1/outreach/" + id, rows.getObject(2, LocalDate.class), rows.getString(3),
                rows.getObject(4, UUID.class), rows.getString(5));
    }

    private static TraceBack.Summary summary(List<TraceBack.Case> cases) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        cases.forEach(c -> counts.merge(c.reached(), 1, Integer::sum));
        return new TraceBack.Summary(cases.size(), counts.getOrDefault("HOUSEHOLD", 0),
                counts.getOrDefault("VILLAGE", 0), counts.getOrDefault("REGION", 0), counts.getOrDefault("NONE", 0));
    }

    /** The villages with a case in the period where no case found outreach before it, in code order. */
    private static List<TraceBack.Village> villagesWithoutOutreach(List<TraceBack.Case> cases,
            Map<String, RegionRow> villages) {
        Map<String, Integer> casesByVillage = new TreeMap<>();
        Map<String, Boolean> anyReached = new LinkedHashMap<>();
        for (TraceBack.Case c : cases) {
            if (c.villageCode() == null) {
                continue;
            }
            anyReached.merge(c.villageCode(), !c.reached().equals("NONE"), Boolean::logicalOr);
            casesByVillage.merge(c.villageCode(), 1, Integer::sum);
        }
        List<TraceBack.Village> list = new ArrayList<>();
        for (var entry : casesByVillage.entrySet()) {
            if (!anyReached.get(entry.getKey())) {
                RegionRow village = villages.get(entry.getKey());
                list.add(new TraceBack.Village(entry.getKey(), village == null ? entry.getKey() : village.name(),
                        village == null ? null : village.residentHouseholds(), entry.getValue()));
            }
        }
        return list;
    }
}
