package io.fanzha.platform.event;

import static io.fanzha.platform.event.TestKafka.containsIds;
import static io.fanzha.platform.event.TestKafka.header;
import static io.fanzha.platform.event.TestKafka.withId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutboxRelayTest {

    record Visit(String household, OffsetDateTime occurredAt, BigDecimal loss) {
    }

    @Inject
    Outbox outbox;

    @Inject
    EventsConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRetention retention;

    @Inject
    EntityManager em;

    @Test
    void committedEventReachesKafkaAsCloudEventWithCountyKeyAndIsMarkedSent() throws Exception {
        String topic = TestKafka.topic("outbox-sent");
        Visit visit = new Visit("HH-0042", OffsetDateTime.parse("2024-01-15T10:30:00+08:00"),
                new BigDecimal("125000.00"));

        UUID id = publish("platform.test.outbox-sent", "fanzha.test.visited.v1", "341825", "341825100201", visit);

        ConsumerRecord<String, byte[]> record = withId(TestKafka.readUntil(topic, containsIds(id)), id);
        assertEquals("341825", record.key());
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals("fanzha.test.visited.v1", header(record, "ce_type"));
        assertEquals(config.source(), header(record, "ce_source"));
        assertTrue(config.source().startsWith("/fanzha/"), config.source());
        assertEquals("341825100201", header(record, "ce_subject"));
        assertEquals("application/json", header(record, "content-type"));
        JsonNode value = mapper.readTree(record.value());
        assertEquals("2024-01-15T10:30:00+08:00", value.get("occurredAt").asText(), "java.time is written as ISO-8601");
        assertEquals("HH-0042", value.get("household").asText());
        assertEquals(0, new BigDecimal("125000.00").compareTo(value.get("loss").decimalValue()));

        CloudEvent event = KafkaCloudEvents.decode(record.key(), record.headers(), record.value(), mapper);
        Visit read = event.dataAs(Visit.class, mapper);
        assertEquals(visit.household(), read.household());
        assertEquals(visit.occurredAt().toInstant(), read.occurredAt().toInstant(), "Jackson reads it back in UTC");
        assertEquals(visit.loss(), read.loss(), "exact, scale kept");
        await().atMost(TestKafka.PATIENCE).until(() -> row(id).sentAt != null);
        OutboxEvent row = row(id);
        assertEquals(row.createdAt.toInstant(), event.time().toInstant());
        assertEquals(0, row.attempts);
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        String topic = TestKafka.topic("outbox-rollback");

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish("platform.test.outbox-rollback", "fanzha.test.rejected.v1", "341825", null, Map.of("n", 1));
            throw new IllegalStateException("the business rule refused the change");
        }));
        // Same key, so same partition: a leaked event would be read before this later one.
        UUID marker = publish("platform.test.outbox-rollback", "fanzha.test.marker.v1", "341825", null, Map.of("n", 2));

        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(topic, containsIds(marker));
        assertEquals(List.of(marker.toString()), records.stream().map(r -> header(r, "ce_id")).toList());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("topic", topic)));
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThrows(TransactionalException.class, () -> outbox.publish("platform.test.outbox-no-tx",
                "fanzha.test.lost.v1", "341825", null, Map.of("n", 1)));
    }

    @Test
    void backlogGaugesCountRowsTheRelayHasNotSent() throws Exception {
        String topic = TestKafka.topic("outbox-backlog");
        UUID first;
        UUID second;
        // Another relay holding the lock (as a second replica would) keeps this one from sending.
        try (Connection otherRelay = dataSource.getConnection()) {
            advisoryLock(otherRelay, "pg_advisory_lock");
            try {
                first = publish("platform.test.outbox-backlog", "fanzha.test.waiting.v1", "341825", null, Map.of("n", 1));
                second = publish("platform.test.outbox-backlog", "fanzha.test.waiting.v1", "341826", null, Map.of("n", 2));

                assertTrue(gauge("fanzha.outbox.backlog") >= 2, "backlog " + gauge("fanzha.outbox.backlog"));
                assertTrue(gauge("fanzha.outbox.oldest.age.seconds") > 0);
                assertNull(row(first).sentAt);
                assertNull(row(second).sentAt);
            } finally {
                advisoryLock(otherRelay, "pg_advisory_unlock");
            }
        }

        await().atMost(TestKafka.PATIENCE).until(() -> gauge("fanzha.outbox.backlog") == 0);
        assertEquals(0.0, gauge("fanzha.outbox.oldest.age.seconds"));
        assertNotNull(row(first).sentAt);
        assertNotNull(row(second).sentAt);
        TestKafka.readUntil(topic, containsIds(first, second));
    }

    @Test
    void retentionDeletesOnlySentRowsOlderThanTheRetention() {
        String topic = TestKafka.topic("outbox-retention");
        UUID oldSent = insertRow(topic, "now() - interval '30 days'", "now() - interval '30 days'");
        UUID recentSent = insertRow(topic, "now() - interval '1 day'", "now() - interval '1 day'");
        UUID oldUnsent = insertRow(topic, "now() - interval '30 days'", "null");

        retention.deleteExpired();

        assertNull(row(oldSent));
        assertNotNull(row(recentSent));
        assertNotNull(row(oldUnsent), "an event is never deleted before it was sent");
    }

    private UUID insertRow(String topic, String createdAt, String sentAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into outbox_event"
                        + " (id, topic, event_type, source, event_key, payload, created_at, sent_at)"
                        + " values (:id, :topic, 'fanzha.test.aged.v1', '/fanzha/test', '341825', '{}', "
                        + createdAt + ", " + sentAt + ")")
                .setParameter("id", id)
                .setParameter("topic", topic)
                .executeUpdate());
        return id;
    }

    private UUID publish(String topic, String type, String key, String subject, Object payload) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.publish(topic, type, key, subject, payload));
    }

    private static OutboxEvent row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>findById(id));
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private static void advisoryLock(Connection connection, String function) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, OutboxRelay.RELAY_LOCK);
            statement.executeQuery().close();
        }
    }
}
