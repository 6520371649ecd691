package io.fanzha.platform.event;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Test handler: writes one {@code test_event_effect} row per application and refuses events whose
 * payload says {@code "fail": true} after writing, so that a rolled-back effect would show.
 */
@ApplicationScoped
public class RecordingHandler implements EventHandler {

    static final String NAME = "platform-test-recorder";
    static final String TOPIC = TestKafka.topic("consumed");

    private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public void handle(CloudEvent event) {
        calls.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        em.createNativeQuery("insert into test_event_effect (event_id, event_type, subject, event_key, payload)"
                        + " values (:id, :type, :subject, :key, cast(:payload as jsonb))")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("subject", event.subject())
                .setParameter("key", event.key())
                .setParameter("payload", event.data().toString())
                .executeUpdate();
        if (event.data().path("fail").asBoolean()) {
            throw new IllegalStateException("test handler refuses event " + event.id());
        }
    }

    int calls(UUID eventId) {
        AtomicInteger count = calls.get(eventId);
        return count == null ? 0 : count.get();
    }

    long effects(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from test_event_effect where event_id = :id")
                .setParameter("id", eventId)
                .getSingleResult()).longValue());
    }
}
