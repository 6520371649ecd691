package io.fanzha.platform.event;

import static io.fanzha.platform.event.TestKafka.containsIds;
import static io.fanzha.platform.event.TestKafka.header;
import static io.fanzha.platform.event.TestKafka.withId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Outbox → relay → the real broker → {@link RecordingHandler} through {@link IdempotentConsumer}. */
@QuarkusTest
class IdempotentConsumerTest {

    private static final String KEY = "341825";
    /** The channel's topic as the outbox names it; the outbox adds this run's suffix. */
    private static final String TOPIC = "platform.test.consumed";

    @Inject
    Outbox outbox;

    @Inject
    RecordingHandler handler;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Test
    void anEventDeliveredAgainHasNoSecondEffect() {
        double duplicatesBefore = counter("fanzha.events.duplicates");
        UUID id = publish("fanzha.test.counted.v1", "341825100201", Map.of("n", 1));
        await().atMost(TestKafka.PATIENCE).until(() -> handler.effects(id) == 1);

        // The relay's record once more, twice in a row (so possibly in one batch), as a relay that crashed before
        // marking it sent would send it; then a later event, which is applied only after those two.
        ConsumerRecord<String, byte[]> sent = withId(TestKafka.readUntil(topic(), containsIds(id)), id);
        TestKafka.send(topic(), KEY, sent.value(), sent.headers());
        TestKafka.send(topic(), KEY, sent.value(), sent.headers());
        UUID later = publish("fanzha.test.counted.v1", "341825100202", Map.of("n", 2));
        await().atMost(TestKafka.PATIENCE).until(() -> handler.effects(later) == 1);

        assertEquals(1, handler.effects(id));
        assertEquals(1, handler.calls(id));
        assertEquals(duplicatesBefore + 2, counter("fanzha.events.duplicates"));
        assertEquals(1, processedRows(id), "the event id is recorded as processed");
    }

    @Test
    void aBurstIsAppliedInFewTransactions() {
        int events = 300;
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> published = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                published.add(outbox.publish(TOPIC, "fanzha.test.burst.v1", KEY, null, Map.of("n", i)));
            }
            return published;
        });
        UUID last = ids.get(events - 1);
        await().atMost(TestKafka.PATIENCE).until(() -> handler.effects(last) == 1);

        assertTrue(ids.stream().allMatch(id -> handler.effects(id) == 1), "every event applied once");
        long transactions = handler.transactions("fanzha.test.burst.v1");
        assertTrue(transactions <= events / 10, events + " events took " + transactions + " transactions");
    }

    @Test
    void poisonRecordsAreParkedAndTheRestOfTheirBatchIsApplied() {
        double parkedBefore = counter("fanzha.events.dead.lettered");
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        String garbageMark = UUID.randomUUID().toString();
        RecordHeaders garbageHeaders = new RecordHeaders();
        garbageHeaders.add("ce_specversion", bytes("1.0"));
        garbageHeaders.add("ce_id", bytes("not-a-uuid"));
        garbageHeaders.add("ce_type", bytes("fanzha.test.garbage.v1"));
        garbageHeaders.add("ce_source", bytes("/test"));
        garbageHeaders.add("test_mark", bytes(garbageMark));

        // One transaction, one key, hence one partition and most likely one batch: good events around the poison.
        TestKafka.send(topic(), KEY, garbage, garbageHeaders);
        List<UUID> published = QuarkusTransaction.requiringNew().call(() -> List.of(
                outbox.publish(TOPIC, "fanzha.test.counted.v1", KEY, null, Map.of("n", 3)),
                outbox.publish(TOPIC, "fanzha.test.refused.v1", KEY, null, Map.of("fail", true)),
                outbox.publish(TOPIC, "fanzha.test.counted.v1", KEY, null, Map.of("n", 4))));
        UUID before = published.get(0);
        UUID refused = published.get(1);
        UUID after = published.get(2);
        await().atMost(TestKafka.PATIENCE).until(() -> handler.effects(after) == 1);

        assertEquals(1, handler.effects(before));
        assertTrue(handler.calls(refused) >= 1);
        assertEquals(0, handler.effects(refused), "each failed attempt rolled back its effect");
        assertEquals(0, processedRows(refused), "a refused event is not recorded as processed");
        assertEquals(parkedBefore + 2, counter("fanzha.events.dead.lettered"));

        List<ConsumerRecord<String, byte[]>> parked = TestKafka.readUntil(topic() + ".dlq",
                records -> containsIds(refused).test(records)
                        && records.stream().anyMatch(r -> garbageMark.equals(header(r, "test_mark"))));
        assertEquals(2, parked.size(), "only the two poison records are parked");

        ConsumerRecord<String, byte[]> parkedGarbage = parked.stream()
                .filter(r -> garbageMark.equals(header(r, "test_mark"))).findFirst().orElseThrow();
        assertArrayEquals(garbage, parkedGarbage.value());
        assertEquals(KEY, parkedGarbage.key());
        assertEquals("not-a-uuid", header(parkedGarbage, "ce_id"));
        assertEquals(InvalidCloudEventException.class.getName(), header(parkedGarbage, "dead-letter-exception-class-name"));
        assertTrue(header(parkedGarbage, "dead-letter-reason").contains("ce_id must be a UUID"),
                header(parkedGarbage, "dead-letter-reason"));

        ConsumerRecord<String, byte[]> original = withId(TestKafka.readUntil(topic(), containsIds(refused)), refused);
        ConsumerRecord<String, byte[]> parkedRefused = withId(parked, refused);
        assertArrayEquals(original.value(), parkedRefused.value());
        assertEquals("fanzha.test.refused.v1", header(parkedRefused, "ce_type"));
        assertEquals(IllegalStateException.class.getName(), header(parkedRefused, "dead-letter-exception-class-name"));
        assertTrue(header(parkedRefused, "dead-letter-reason").contains("test handler refuses event " + refused),
                header(parkedRefused, "dead-letter-reason"));
        assertEquals(topic(), header(parkedRefused, "dead-letter-topic"));
        assertEquals(Integer.toString(original.partition()), header(parkedRefused, "dead-letter-partition"));
        assertEquals(Long.toString(original.offset()), header(parkedRefused, "dead-letter-offset"));
    }

    @Test
    void whileTheDatabaseIsAwayTheEventWaitsInsteadOfBeingParked() {
        double parkedBefore = counter("fanzha.events.dead.lettered");
        UUID id = publish("fanzha.test.patient.v1", null, Map.of("unavailable", 3));

        await().atMost(TestKafka.PATIENCE).until(() -> handler.effects(id) == 1);

        assertEquals(4, handler.calls(id), "three attempts while the database was away, then the one that worked");
        assertEquals(1, processedRows(id));
        assertEquals(parkedBefore, counter("fanzha.events.dead.lettered"), "nothing was parked");
    }

    private static String topic() {
        return TestKafka.topic("consumed");
    }

    private UUID publish(String type, String subject, Object payload) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.publish(TOPIC, type, KEY, subject, payload));
    }

    private long processedRows(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from processed_event where consumer = :consumer and event_id = :id")
                .setParameter("consumer", RecordingHandler.NAME)
                .setParameter("id", eventId)
                .getSingleResult()).longValue());
    }

    private double counter(String name) {
        var counter = registry.find(name).tag("consumer", RecordingHandler.NAME).counter();
        return counter == null ? 0 : counter.count();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
