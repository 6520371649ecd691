package io.fanzha.platform.event;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where domain code publishes events. The event is a row in the caller's transaction, so it exists
 * exactly when the state change it reports was committed; {@link OutboxRelay} sends it to Kafka later.
 * Domain code never touches Kafka and a broker outage never fails a user's request.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper mapper;

    @Inject
    EventsConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    /**
     * Adds an event to the current transaction, which must exist.
     *
     * @param topic   the Kafka topic, e.g. {@code fanzha.outreach.v1} (with {@code fanzha.events.topic-suffix})
     * @param type    the CloudEvents type, e.g. {@code fanzha.outreach.recorded.v1}
     * @param key     the county-level region code (first 6 digits of the region code); null only for an
     *                event about no region, which then has no ordering guarantee
     * @param subject the CloudEvents subject, usually the id of the changed entity; may be null
     * @param payload serialised to JSON with the application's ObjectMapper
     * @return the event id ({@code ce_id})
     */
    @Transactional(TxType.MANDATORY)
    public UUID publish(String topic, String type, String key, String subject, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = requireText(topic, "topic") + config.topicSuffix().orElse("");
        event.eventType = requireText(type, "type");
        event.source = config.source();
        event.subject = subject;
        event.eventKey = key;
        event.payload = json(Objects.requireNonNull(payload, "payload"));
        // Microseconds, as PostgreSQL stores them, so that ce_time reads the same before and after the round trip.
        event.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        event.persist();
        wakeRelayOnCommit();
        return event.id;
    }

    /**
     * Adds one event per row of a query, in the current transaction: for a bulk change (a region import of
     * hundreds of thousands of rows) that would take minutes one {@link #publish} at a time. {@code rowsSql} is a
     * SELECT without parameters that yields the columns {@code event_key}, {@code subject} and {@code payload}
     * (jsonb, the same JSON {@link #publish} would write for the payload record); its ORDER BY is the order the
     * relay sends the events in.
     *
     * @return the number of events added
     */
    @Transactional(TxType.MANDATORY)
    public int publishAll(String topic, String type, String rowsSql) {
        int added = em.createNativeQuery("""
                INSERT INTO outbox_event (id, topic, event_type, source, subject, event_key, payload, created_at)
                SELECT gen_random_uuid(), ?1, ?2, ?3, r.subject, r.event_key, r.payload, ?4
                FROM (%s) r""".formatted(rowsSql))
                .setParameter(1, requireText(topic, "topic") + config.topicSuffix().orElse(""))
                .setParameter(2, requireText(type, "type"))
                .setParameter(3, config.source())
                .setParameter(4, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
        if (added > 0) {
            wakeRelayOnCommit();
        }
        return added;
    }

    /** Once per transaction, however many events it writes: the relay sends them as soon as they are committed. */
    private void wakeRelayOnCommit() {
        if (transactions.getResource(Outbox.class) != null) {
            return;
        }
        transactions.putResource(Outbox.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    private String json(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("event " + name + " is required");
        }
        return value;
    }
}
