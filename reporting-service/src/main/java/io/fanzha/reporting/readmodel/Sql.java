package io.fanzha.reporting.readmodel;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;

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

    public static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    public static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

    /**
     * The newest of the items per key (the highest version; of equal ones, the later): a batch of events may change
     * one row twice, and one multi-row upsert (the driver rewrites a JDBC batch into one) must not touch a row twice.
     * Each event carries the row's full state, so the newest one is the row.
     */
    public static <T, K> Collection<T> newestPerKey(List<T> items, Function<T, K> key, ToLongFunction<T> version) {
        Map<K, T> newest = new LinkedHashMap<>();
        for (T item : items) {
            newest.merge(key.apply(item), item, (kept, next) -> version.applyAsLong(next) >= version.applyAsLong(kept)
                    ? next : kept);
        }
        return newest.values();
    }
}
