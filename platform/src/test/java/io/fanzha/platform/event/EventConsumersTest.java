package io.fanzha.platform.event;

import static io.fanzha.platform.event.TestKafka.containsIds;
import static io.fanzha.platform.event.TestKafka.header;
import static io.fanzha.platform.event.TestKafka.withId;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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

/** Outbox to Kafka to {@link RecordingHandler}, through the real broker. */
@QuarkusTest
class EventConsumersTest {

    private static final String TOPIC = RecordingHandler.TOPIC;
    private static final String KEY = "341825";

    @Inject
    Outbox outbox;

    @Inject
    RecordingHandler handler;

    @Inject
    EntityManager em;

    @Inject
    EventsConfig config;

    @Inject
    MeterRegistry registry;

    @Test
    void eventDeliveredTwiceHasOneEffect() throws Exception {
        double duplicatesBefore = counter("fanzha.events.duplicates");
        UUID id = publish("fanzha.test.counted.v1", "341825100201", Map.of("n", 1));
        TestKafka.await("the handler applies the event", () -> handler.effects(id) == 1);

        // Send the relay's record once more, byte for byte, as a relay that crashed before marking it would.
        ConsumerRecord<byte[], byte[]> sent = withId(TestKafka.readUntil(TOPIC, containsIds(id)), id);
        TestKafka.send(TOPIC, KEY, sent.value(), sent.headers());
        UUID later = publish("fanzha.test.counted.v1", "341825100202", Map.of("n", 2));
        TestKafka.await("the handler applies the later event", () -> handler.effects(later) == 1);

        assertEquals(1, handler.effects(id));
        assertEquals(1, handler.calls(id));
        assertEquals(duplicatesBefore + 1, counter("fanzha.events.duplicates"));
        assertEquals(1, processedRows(id), "the event id is recorded as processed");
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndLaterRecordsAreStillHandled() throws Exception {
        double parkedBefore = counter("fanzha.events.dead.lettered");
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        String garbageMark = UUID.randomUUID().toString();
        RecordHeaders garbageHeaders = new RecordHeaders();
        garbageHeaders.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        garbageHeaders.add("ce_id", "not-a-uuid".getBytes(StandardCharsets.UTF_8));
        garbageHeaders.add("test_mark", garbageMark.getBytes(StandardCharsets.UTF_8));

        // All on one key, hence one partition: the good event queues behind both poison records.
        TestKafka.send(TOPIC, KEY, garbage, garbageHeaders);
        UUID refused = publish("fanzha.test.refused.v1", null, Map.of("fail", true));
        UUID good = publish("fanzha.test.counted.v1", null, Map.of("n", 3));
        TestKafka.await("the handler applies the event behind the poison", () -> handler.effects(good) == 1);

        assertEquals(config.maxAttempts(), handler.calls(refused));
        assertEquals(0, handler.effects(refused), "each failed attempt rolled back its effect");
        assertEquals(0, processedRows(refused), "a refused event is not recorded as processed");
        assertEquals(parkedBefore + 2, counter("fanzha.events.dead.lettered"));

        List<ConsumerRecord<byte[], byte[]>> parked = TestKafka.readUntil(DeadLetters.topicFor(TOPIC),
                records -> containsIds(refused).test(records)
                        && records.stream().anyMatch(r -> garbageMark.equals(header(r, "test_mark"))));

        ConsumerRecord<byte[], byte[]> parkedGarbage = parked.stream()
                .filter(r -> garbageMark.equals(header(r, "test_mark"))).findFirst().orElseThrow();
        assertArrayEquals(garbage, parkedGarbage.value());
        assertEquals(KEY, TestKafka.text(parkedGarbage.key()));
        assertEquals("not-a-uuid", header(parkedGarbage, "ce_id"));
        assertEquals(InvalidCloudEventException.class.getName(), header(parkedGarbage, "fanzha_error_class"));
        assertTrue(header(parkedGarbage, "fanzha_error").contains("ce_id must be a UUID"),
                header(parkedGarbage, "fanzha_error"));
        assertEquals(RecordingHandler.NAME, header(parkedGarbage, "fanzha_consumer"));

        ConsumerRecord<byte[], byte[]> original = withId(TestKafka.readUntil(TOPIC, containsIds(refused)), refused);
        ConsumerRecord<byte[], byte[]> parkedRefused = withId(parked, refused);
        assertArrayEquals(original.value(), parkedRefused.value());
        assertEquals("fanzha.test.refused.v1", header(parkedRefused, "ce_type"));
        assertEquals(IllegalStateException.class.getName(), header(parkedRefused, "fanzha_error_class"));
        assertTrue(header(parkedRefused, "fanzha_error").contains("test handler refuses event " + refused),
                header(parkedRefused, "fanzha_error"));
        assertEquals(RecordingHandler.NAME, header(parkedRefused, "fanzha_consumer"));
        assertEquals(Integer.toString(original.partition()), header(parkedRefused, "fanzha_original_partition"));
        assertEquals(Long.toString(original.offset()), header(parkedRefused, "fanzha_original_offset"));
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
        return registry.get(name).tag("consumer", RecordingHandler.NAME).counter().count();
    }
}
