package io.fanzha.reporting.outreach;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.fanzha.reporting.readmodel.Sql;

/**
 * What counted outreach (neither voided nor rejected) adds up to in a subtree between two days (China time, both
 * included): distinct households reached by door-to-door visits, and records of given kinds.
 */
public final class OutreachCounts {

    /** A window without a start: from the first record on. */
    public static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

    private OutreachCounts() {
    }

    /** Households reached by {@code to}, and how many of them by {@code before} already. */
    public record Reach(long reached, long reachedBefore) {
    }

    /**
     * A household's first visit in the window from the first parameter on: its first visit when that is in it, else
     * the first of its visit days from then (null when none).
     */
    private static final String REACHED = " CASE WHEN first_visit >= ? THEN first_visit"
            + " ELSE (SELECT min(day) FROM unnest(visit_days) AS day WHERE day >= ?) END ";

    /**
     * Distinct households (village and household reference) visited in the subtree between {@code from} and
     * {@code to}, and of them those whose first visit in that window came by {@code before}. Counted on the
     * households' visit days rather than on every visit; below a grid, on its records.
     */
    public static Reach households(Connection connection, String root, LocalDate from, LocalDate before, LocalDate to)
            throws SQLException {
        if (root.length() > 12) {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT count(*) FILTER (WHERE reached <= ?), count(*) FILTER (WHERE reached <= ?) FROM (
                        SELECT min(occurred_on) AS reached FROM outreach
                        WHERE counted AND household_ref IS NOT NULL AND village_code LIKE ? AND region_code LIKE ?
                          AND occurred_on BETWEEN ? AND ?
                        GROUP BY village_code, household_ref) h""")) {
                bindAll(select, to, before, villages(root), root + "%", from, to);
                return reach(select);
            }
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT count(*) FILTER (WHERE reached <= ?), count(*) FILTER (WHERE reached <= ?) FROM (
                    SELECT""" + REACHED + """
                     AS reached FROM household_reach WHERE village_code LIKE ? AND first_visit <= ?) h""")) {
            bindAll(select, to, before, from, from, villages(root), to);
            return reach(select);
        }
    }

    /**
     * {@link #households} by part of the subtree: the first {@code partLength} digits of the households' village
     * code (of their records' region, for grids). A household lies in one village, so below a village the parts'
     * counts add up to the subtree's.
     */
    public static Map<String, Reach> householdsByPart(Connection connection, String root, int partLength,
            LocalDate from, LocalDate before, LocalDate to) throws SQLException {
        String sql = partLength > 12 ? """
                SELECT part, count(*) FILTER (WHERE reached <= ?), count(*) FILTER (WHERE reached <= ?) FROM (
                    SELECT left(region_code, ?) AS part, min(occurred_on) AS reached FROM outreach
                    WHERE counted AND household_ref IS NOT NULL AND village_code LIKE ? AND region_code LIKE ?
                      AND occurred_on BETWEEN ? AND ?
                    GROUP BY part, village_code, household_ref) h GROUP BY part""" : """
                SELECT left(village_code, ?) AS part, count(*) FILTER (WHERE reached <= ?),
                       count(*) FILTER (WHERE reached <= ?) FROM (
                    SELECT village_code,""" + REACHED + """
                     AS reached FROM household_reach WHERE village_code LIKE ? AND first_visit <= ?) h GROUP BY part""";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (partLength > 12) {
                bindAll(select, to, before, partLength, villages(root), root + "%", from, to);
            } else {
                bindAll(select, partLength, to, before, from, from, villages(root), to);
            }
            Map<String, Reach> counts = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), new Reach(rows.getLong(2), rows.getLong(3)));
                }
            }
            return counts;
        }
    }

    private static Reach reach(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            rows.next();
            return new Reach(rows.getLong(1), rows.getLong(2));
        }
    }

    private static void bindAll(PreparedStatement select, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            select.setObject(i + 1, values[i]);
        }
    }

    /** The pattern of the village codes below a root (a grid's is its village's), for the visits' index. */
    private static String villages(String root) {
        return root.substring(0, Math.min(root.length(), 12)) + "%";
    }

    /** Records of these kinds in the subtree. */
    public static long records(Connection connection, String root, Collection<String> kinds, LocalDate from,
            LocalDate to) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT count(*) FROM outreach WHERE counted AND region_code LIKE ? || '%'
                  AND occurred_on BETWEEN ? AND ? AND kind = ANY (?)""")) {
            select.setString(1, root);
            select.setObject(2, from);
            select.setObject(3, to);
            Sql.setTexts(select, 4, kinds);
            return single(select);
        }
    }

    private static long single(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
