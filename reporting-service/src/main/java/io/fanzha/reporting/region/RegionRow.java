package io.fanzha.reporting.region;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionLevel;

/** A region as reports show it, read from the active generation. */
public record RegionRow(String code, String name, String level, Integer residentHouseholds) {

    private static final String COLUMNS = "SELECT code, name, level, resident_households FROM region ";

    public int depthBelow(String root) {
        return RegionLevel.valueOf(level).ordinal() - RegionLevel.ofCodeLength(root.length()).orElseThrow().ordinal();
    }

    /** The answer when a report names a region the read model does not hold (yet). */
    public static ProblemException notFound(String code) {
        return ProblemException.notFound("region.not-found", "Region " + code + " is not known to reporting (yet).");
    }

    public static Optional<RegionRow> find(Connection connection, String code) throws SQLException {
        List<RegionRow> found = list(connection, COLUMNS + "WHERE code = ?", code);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The regions directly below, in code order. */
    public static List<RegionRow> children(Connection connection, String code) throws SQLException {
        return list(connection, COLUMNS + "WHERE parent_code = ? ORDER BY code", code);
    }

    /** The region and every region below it down to the villages, in code order (a parent before its children). */
    public static List<RegionRow> subtreeToVillages(Connection connection, String code) throws SQLException {
        return list(connection, COLUMNS + "WHERE code LIKE ? || '%' AND length(code) <= 12 ORDER BY code", code);
    }

    private static List<RegionRow> list(Connection connection, String sql, String code) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, code);
            List<RegionRow> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new RegionRow(result.getString(1), result.getString(2), result.getString(3),
                            (Integer) result.getObject(4)));
                }
            }
            return rows;
        }
    }
}
