package io.fanzha.reporting.readmodel;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Small JDBC helpers the projections and reports share. */
public final class Sql {

    private Sql() {
    }

    public static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        statement.setObject(index, value, Types.INTEGER);
    }

    public static void setTexts(PreparedStatement statement, int index, Collection<String> values) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("text",
                (values == null ? List.<String>of() : values).toArray()));
    }

    public static void setUuids(PreparedStatement statement, int index, Collection<UUID> values) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("uuid",
                (values == null ? List.<UUID>of() : values).toArray()));
    }

    /** Runs the statement's batch when it has one; a projection adds rows of several kinds per event batch. */
    public static void flush(PreparedStatement statement, boolean pending) throws SQLException {
        if (pending) {
            statement.executeBatch();
        }
    }
}
