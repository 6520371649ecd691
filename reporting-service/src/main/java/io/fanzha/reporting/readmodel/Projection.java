package io.fanzha.reporting.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.fanzha.platform.event.CloudEvent;

/**
 * Turns events into rows of a read-model generation. {@link ReadModelWriter} hands every projection each batch of
 * new events, in their order on the topic, on a connection whose search path is the generation's schema; a
 * projection picks the types it knows and writes them, as JDBC batches, with unqualified table names.
 */
public interface Projection {

    void apply(Connection connection, List<CloudEvent> events) throws SQLException;
}
