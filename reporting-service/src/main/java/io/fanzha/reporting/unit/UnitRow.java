package io.fanzha.reporting.unit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.reporting.readmodel.Sql;

/** A unit as reports name it, read from the active generation. */
public record UnitRow(UUID id, String name, String regionCode) {

    /** The unit, if the caller may read its region: 404 when unknown, 403 outside the caller's scope. */
    public static UnitRow readable(Connection connection, UUID id, RegionScope scope) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT name, region_code FROM unit WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw ProblemException.notFound("unit.not-found", "Unit " + id + " is not known to reporting (yet).");
                }
                UnitRow unit = new UnitRow(id, row.getString(1), row.getString(2));
                scope.assertReadable(unit.regionCode());
                return unit;
            }
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
