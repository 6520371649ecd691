package io.fanzha.reporting.unit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.reporting.readmodel.Sql;

/** A unit as reports name it, read from the active generation. */
public record UnitRow(UUID id, String name, String type, String regionCode) {

    /** The unit, if the caller may read its region: 404 when unknown, 403 outside the caller's scope. */
    public static UnitRow readable(Connection connection, UUID id, RegionScope scope) throws SQLException {
        List<UnitRow> found = list(connection, "WHERE id = ?", id);
        if (found.isEmpty()) {
            throw ProblemException.notFound("unit.not-found", "Unit " + id + " is not known to reporting (yet).");
        }
        scope.assertReadable(found.get(0).regionCode());
        return found.get(0);
    }

    /** The active units of a subtree, by region and name. */
    public static List<UnitRow> activeWithin(Connection connection, String root) throws SQLException {
        return list(connection, "WHERE active AND region_code LIKE ? || '%' ORDER BY region_code, name, id", root);
    }

    private static List<UnitRow> list(Connection connection, String where, Object parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name, type, region_code FROM unit " + where)) {
            select.setObject(1, parameter);
            List<UnitRow> units = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    units.add(new UnitRow(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4)));
                }
            }
            return units;
        }
    }

    /** The names of these units, by id; a unit reporting does not know (yet) is left out. */
    public static Map<UUID, String> names(Connection connection, Collection<UUID> units) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, name FROM unit WHERE id = ANY (?)")) {
            Sql.setUuids(select, 1, units);
            Map<UUID, String> names = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
            return names;
        }
    }
}
