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
     * Distinct households (village and household reference) visited in the subtree between {@code from} and
     * {@code to}, and of them those first visited by {@code before}: one pass over the visits' index.
     */
    public static Reach households(Connection connection, String root, LocalDate from, LocalDate before, LocalDate to)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT count(*), count(*) FILTER (WHERE first_visit <= ?) FROM (
                    SELECT min(occurred_on) AS first_visit FROM outreach
                    WHERE counted AND household_ref IS NOT NULL AND village_code LIKE ? AND region_code LIKE ?
                      AND occurred_on BETWEEN ? AND ?
                    GROUP BY village_code, household_ref) h""")) {
            select.setObject(1, before);
            select.setString(2, villages(root));
            select.setString(3, root + "%");
            select.setObject(4, from);
            select.setObject(5, to);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return new Reach(rows.getLong(1), rows.getLong(2));
            }
        }
    }

    /** Distinct households visited below the root, by the first {@code partLength} digits of the record's region. */
    public static Map<String, Long> householdsByPart(Connection connection, String root, int partLength,
            LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT part, count(*) FROM (SELECT DISTINCT left(region_code, ?) AS part, village_code, household_ref
                FROM outreach WHERE counted AND household_ref IS NOT NULL AND village_code LIKE ? AND region_code LIKE ?
                  AND occurred_on BETWEEN ? AND ?) h GROUP BY part""")) {
            select.setInt(1, partLength);
            select.setString(2, villages(root));
            select.setString(3, root + "%");
            select.setObject(4, from);
            select.setObject(5, to);
            Map<String, Long> counts = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
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
