package io.fanzha.platform.event;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The test broker seen from outside the application, through SmallRye's Kafka companion: raw records in and out. */
final class TestKafka {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private static KafkaCompanion companion;

    private TestKafka() {
    }

    /** A topic of this application start only (fanzha.events.topic-suffix), as the outbox and the channels use. */
    static String topic(String name) {
        return "platform.test." + name
                + ConfigProvider.getConfig().getOptionalValue("fanzha.events.topic-suffix", String.class).orElse("");
    }

    static void send(String topic, String key, byte[] value, Iterable<Header> headers) {
        companion().produce(String.class, byte[].class)
                .fromRecords(new ProducerRecord<>(topic, null, key, value, headers))
                .awaitCompletion(PATIENCE);
    }

    /** Reads the topic from its beginning until {@code enough} holds for the records read so far. */
    static List<ConsumerRecord<String, byte[]>> readUntil(String topic,
            Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
        try (ConsumerTask<String, byte[]> task = companion().consume(String.class, byte[].class).fromTopics(topic)) {
            await("records on " + topic).atMost(PATIENCE).until(() -> enough.test(task.getRecords()));
            return List.copyOf(task.getRecords());
        }
    }

    static Predicate<List<ConsumerRecord<String, byte[]>>> containsIds(UUID... ids) {
        return records -> {
            List<String> seen = records.stream().map(r -> header(r, "ce_id")).toList();
            for (UUID id : ids) {
                if (!seen.contains(id.toString())) {
                    return false;
                }
            }
            return true;
        };
    }

    static ConsumerRecord<String, byte[]> withId(List<ConsumerRecord<String, byte[]>> records, UUID id) {
        return records.stream().filter(r -> id.toString().equals(header(r, "ce_id"))).findFirst().orElseThrow();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        return header(record.headers(), name);
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        }
        return companion;
    }
}
