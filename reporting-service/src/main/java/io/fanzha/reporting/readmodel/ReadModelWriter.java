package io.fanzha.reporting.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;

import io.fanzha.platform.event.CloudEvent;
import io.fanzha.platform.event.ProcessedEvents;

/**
 * Applies a batch of one topic's events to one generation, in the caller's transaction: the events this generation
 * has not applied yet (its own {@code processed_event}), through every {@link Projection}, and the topic's freshness.
 * Returns how many were new.
 */
@ApplicationScoped
public class ReadModelWriter {

    @Inject
    EntityManager em;

    @Inject
    ProcessedEvents processed;

    @Inject
    Instance<Projection> projections;

    @Transactional(TxType.MANDATORY)
    public int apply(String schema, String topic, List<CloudEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        useSchema(em, schema);
        Set<UUID> fresh = processed.firstDeliveries(topic, events.stream().map(CloudEvent::id).toList());
        List<CloudEvent> toApply = new ArrayList<>(fresh.size());
        for (CloudEvent event : events) {
            if (fresh.remove(event.id())) {
                toApply.add(event);
            }
        }
        if (toApply.isEmpty()) {
            return 0;
        }
        em.unwrap(Session.class).doWork(connection -> {
            for (Projection projection : projections) {
                projection.apply(connection, toApply);
            }
            touch(connection, topic, toApply);
        });
        return toApply.size();
    }

    /** Points the transaction's unqualified table names at the generation's schema (then the public one). */
    static void useSchema(EntityManager em, String schema) {
        em.createNativeQuery("SELECT set_config('search_path', ?1, true)")
                .setParameter(1, ReadModelSchemas.checked(schema) + ", public").getSingleResult();
    }

    private static void touch(Connection connection, String topic, List<CloudEvent> events) throws SQLException {
        OffsetDateTime newest = events.get(0).time();
        for (CloudEvent event : events) {
            if (event.time().isAfter(newest)) {
                newest = event.time();
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO topic_freshness (topic, last_event_at, last_applied_at) VALUES (?, ?, now())
                ON CONFLICT (topic) DO UPDATE SET last_event_at = greatest(topic_freshness.last_event_at,
                    EXCLUDED.last_event_at), last_applied_at = now()""")) {
            upsert.setString(1, topic);
            upsert.setObject(2, newest);
            upsert.executeUpdate();
        }
    }
}
