package io.fanzha.platform.event;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;

/**
 * The idempotent consumer's memory: which events each consumer has already applied. Recording an id
 * in the same transaction as the effect makes at-least-once delivery produce exactly-once effects:
 * either both commit, or neither does and the redelivered event is applied then.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String RECORD = "insert into processed_event (consumer, event_id, processed_at)"
            + " select ?, id, now() from unnest(?) as id on conflict do nothing returning event_id";

    @Inject
    EntityManager em;

    /**
     * Records that {@code consumer} applies these events now, in one statement; returns those it had not
     * applied before. A concurrent delivery of the same event waits on the first one's row and then sees it.
     */
    @Transactional(TxType.MANDATORY)
    public Set<UUID> firstDeliveries(String consumer, List<UUID> eventIds) {
        // JDBC on the transaction's connection, not a Hibernate native query with a UUID result: Hibernate 7.2 missed
        // its plan cache with that on every call, and searching the cache's colliding copies cost more than the
        // insert itself (docs/benchmarks.md, "The gateway's price").
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
                Set<UUID> inserted = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getObject(1, UUID.class));
                    }
                }
                return inserted;
            }
        });
    }
}
