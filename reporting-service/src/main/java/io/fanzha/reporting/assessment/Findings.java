package io.fanzha.reporting.assessment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.fanzha.reporting.readmodel.Sql;

/**
 * The outreach records of a subtree and days (not voided) that a check found fault with: evidence shared with another
 * household's or day's record, a spot check the household denied, a review that rejected the record or found issues
 * with it. In an assessment such a record earns nothing (it counts toward no task and no coverage) and costs its unit
 * evidence quality, so that a faked visit, once found, costs more than it earned.
 */
final class Findings {

    static final String REJECTED = "REVIEW_REJECTED";
    static final String HAS_ISSUES = "REVIEW_HAS_ISSUES";
    static final String DENIED = "SPOT_CHECK_DENIED";

    /** A record found at fault, with every finding against it. */
    record Finding(UUID recordId, UUID unitId, String kind, LocalDate occurredOn, String village, String household,
            boolean counted, List<String> reasons) {
    }

    /** What spot checks found of one unit's records: results by kind, and the records denied (once per denial). */
    record SpotChecks(long confirmed, long denied, List<UUID> deniedRecords) {
        static final SpotChecks NONE = new SpotChecks(0, 0, List.of());
    }

    private final Map<UUID, Finding> byRecord;
    private final Map<UUID, Long> recordsByUnit;
    private final Map<UUID, SpotChecks> spotChecksByUnit;

    private Findings(Map<UUID, Finding> byRecord, Map<UUID, Long> recordsByUnit, Map<UUID, SpotChecks> spotChecksByUnit) {
        this.byRecord = byRecord;
        this.recordsByUnit = recordsByUnit;
        this.spotChecksByUnit = spotChecksByUnit;
    }

    /**
     * Every finding of the subtree, whenever its record happened (a task counts from its campaign's start, which may
     * come before the period), and each unit's records and spot checks of the days.
     */
    static Findings load(Connection connection, String root, LocalDate from, LocalDate to) throws SQLException {
        return new Findings(findings(connection, root), recordsByUnit(connection, root, from, to),
                spotChecks(connection, root, from, to));
    }

    /** The counted records found at fault: what the assessment leaves out of every count. */
    Set<UUID> excluded() {
        return byRecord.values().stream().filter(Finding::counted).map(Finding::recordId).collect(Collectors.toSet());
    }

    Collection<Finding> all() {
        return byRecord.values();
    }

    /** The unit's records found at fault in the days. */
    List<Finding> ofUnit(UUID unit, LocalDate from, LocalDate to) {
        return byRecord.values().stream().filter(finding -> unit.equals(finding.unitId())
                && !finding.occurredOn().isBefore(from) && !finding.occurredOn().isAfter(to)).toList();
    }

    /** The unit's records in the days, voided ones left out. */
    long recordsOf(UUID unit) {
        return recordsByUnit.getOrDefault(unit, 0L);
    }

    SpotChecks spotChecksOf(UUID unit) {
        return spotChecksByUnit.getOrDefault(unit, SpotChecks.NONE);
    }

    private static Map<UUID, Finding> findings(Connection connection, String root) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                WITH found AS (
                    SELECT record_id AS id FROM evidence_flag
                    UNION SELECT record_id FROM spot_check_result WHERE result = 'DENIED'
                    UNION SELECT id FROM outreach
                    WHERE review_state IN ('HAS_ISSUES', 'REJECTED') AND NOT voided AND region_code LIKE ? || '%')
                SELECT o.id, o.unit_id, o.kind, o.occurred_on, o.village_code, o.household_ref, o.counted, o.review_state,
                       (SELECT array_agg(DISTINCT f.reason ORDER BY f.reason) FROM evidence_flag f WHERE f.record_id = o.id),
                       EXISTS (SELECT 1 FROM spot_check_result s WHERE s.record_id = o.id AND s.result = 'DENIED')
                FROM found JOIN outreach o ON o.id = found.id
                WHERE NOT o.voided AND o.region_code LIKE ? || '%'
                ORDER BY o.occurred_on, o.id""")) {
            select.setString(1, root);
            select.setString(2, root);
            Map<UUID, Finding> findings = new LinkedHashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    List<String> reasons = new ArrayList<>();
                    if (rows.getArray(9) != null) {
                        Sql.texts(rows.getArray(9)).forEach(reason -> reasons.add("EVIDENCE_" + reason));
                    }
                    if (rows.getBoolean(10)) {
                        reasons.add(DENIED);
                    }
                    if ("REJECTED".equals(rows.getString(8))) {
                        reasons.add(REJECTED);
                    } else if ("HAS_ISSUES".equals(rows.getString(8))) {
                        reasons.add(HAS_ISSUES);
                    }
                    UUID id = rows.getObject(1, UUID.class);
                    findings.put(id, new Finding(id, rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getObject(4, LocalDate.class), rows.getString(5), rows.getString(6), rows.getBoolean(7),
                            List.copyOf(reasons)));
                }
            }
            return findings;
        }
    }

    /** Records per unit, voided ones left out: the counted ones and those rejected. */
    private static Map<UUID, Long> recordsByUnit(Connection connection, String root, LocalDate from, LocalDate to)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT unit_id, count(*) FROM outreach
                WHERE counted AND region_code LIKE ? || '%' AND occurred_on BETWEEN ? AND ? AND unit_id IS NOT NULL
                GROUP BY unit_id
                UNION ALL
                SELECT unit_id, count(*) FROM outreach
                WHERE review_state = 'REJECTED' AND NOT voided AND region_code LIKE ? || '%' AND occurred_on BETWEEN ? AND ?
                  AND unit_id IS NOT NULL
                GROUP BY unit_id""")) {
            for (int offset : new int[] { 0, 3 }) {
                select.setString(offset + 1, root);
                select.setObject(offset + 2, from);
                select.setObject(offset + 3, to);
            }
            Map<UUID, Long> counts = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.merge(rows.getObject(1, UUID.class), rows.getLong(2), Long::sum);
                }
            }
            return counts;
        }
    }

    private static Map<UUID, SpotChecks> spotChecks(Connection connection, String root, LocalDate from, LocalDate to)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT o.unit_id, o.id, s.result FROM spot_check_result s JOIN outreach o ON o.id = s.record_id
                WHERE NOT o.voided AND o.unit_id IS NOT NULL AND o.region_code LIKE ? || '%'
                  AND o.occurred_on BETWEEN ? AND ? AND s.result IN ('CONFIRMED', 'DENIED')
                ORDER BY o.unit_id, o.occurred_on, o.id, s.spot_check_id""")) {
            select.setString(1, root);
            select.setObject(2, from);
            select.setObject(3, to);
            Map<UUID, long[]> counts = new LinkedHashMap<>();
            Map<UUID, List<UUID>> denied = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID unit = rows.getObject(1, UUID.class);
                    boolean confirmed = rows.getString(3).equals("CONFIRMED");
                    counts.computeIfAbsent(unit, u -> new long[2])[confirmed ? 0 : 1]++;
                    if (!confirmed) {
                        denied.computeIfAbsent(unit, u -> new ArrayList<>()).add(rows.getObject(2, UUID.class));
                    }
                }
            }
            Map<UUID, SpotChecks> checks = new HashMap<>();
            counts.forEach((unit, c) -> checks.put(unit, new SpotChecks(c[0], c[1], denied.getOrDefault(unit, List.of()))));
            return checks;
        }
    }
}
