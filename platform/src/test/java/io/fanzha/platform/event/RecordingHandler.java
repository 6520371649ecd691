package io.fanzha.platform.event;

import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Test consumer of the channel {@code test-events}, wired as a service wires one. It writes one
 * {@code test_event_effect} row per application (with the transaction it ran in), refuses events whose payload
 * says {@code "fail": true} after writing, so that a rolled-back effect would show, and acts as if the database
 * were unreachable for the first {@code "unavailable"} attempts at an event.
 */
@ApplicationScoped
public class RecordingHandler {

    static final String NAME = "platform-test-recorder";

    private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Inject
    IdempotentConsumer consumer;

    @Inject
    EntityManager em;

    @Incoming("test-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(NAME, batch, this::apply);
    }

    void apply(List<CloudEvent> events) {
        events.forEach(this::record);
    }

    private void record(CloudEvent event) {
        int call = calls.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        em.createNativeQuery("insert into test_event_effect (event_id, event_type, subject, event_key, payload)"
                        + " values (:id, :type, :subject, :key, cast(:payload as jsonb))")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("subject", event.subject())
                .setParameter("key", event.key())
                .setParameter("payload", event.data().toString())
                .executeUpdate();
        if (call <= event.data().path("unavailable").asInt()) {
            throw new IllegalStateException(new SQLTransientConnectionException("test: the database is away"));
        }
        if (event.data().path("fail").asBoolean()) {
            throw new IllegalStateException("test handler refuses event " + event.id());
        }
    }

    int calls(UUID eventId) {
        AtomicInteger count = calls.get(eventId);
        return count == null ? 0 : count.get();
    }

    long effects(UUID eventId) {
        return count("select count(*) from test_event_effect where event_id = :id", eventId);
    }

    /** Transactions that applied the events of this type: one per batch, not one per event. */
    long transactions(String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(distinct tx) from test_event_effect where event_type = :type")
                .setParameter("type", type)
                .getSingleResult()).longValue());
    }

    private long count(String sql, UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("id", eventId)
                .getSingleResult()).longValue());
    }
}
