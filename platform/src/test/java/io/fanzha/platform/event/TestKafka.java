package io.fanzha.platform.event;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** The test broker seen from outside the application: raw records in, raw records out. */
final class TestKafka {

    /** Topics of this run get this suffix, so a rerun against the same broker never reads old records. */
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private TestKafka() {
    }

    static String topic(String name) {
        return "platform.test." + name + "." + RUN;
    }

    static void send(String topic, String key, byte[] value, Iterable<Header> headers) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrap(),
                "key.serializer", ByteArraySerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, null, key.getBytes(StandardCharsets.UTF_8), value, headers))
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Reads the topic from its beginning until {@code enough} holds for the records read so far. */
    static List<ConsumerRecord<byte[], byte[]>> readUntil(String topic,
            Predicate<List<ConsumerRecord<byte[], byte[]>>> enough) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrap(),
                "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()))) {
            Instant deadline = Instant.now().plus(PATIENCE);
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (enough.test(records)) {
                    return records;
                }
            }
            return fail("gave up reading " + topic + " after " + PATIENCE + "; read " + records.size() + " records");
        }
    }

    static Predicate<List<ConsumerRecord<byte[], byte[]>>> containsIds(UUID... ids) {
        return records -> {
            List<String> seen = records.stream().map(r -> header(r, KafkaCloudEvents.HEADER_ID)).toList();
            for (UUID id : ids) {
                if (!seen.contains(id.toString())) {
                    return false;
                }
            }
            return true;
        };
    }

    static ConsumerRecord<byte[], byte[]> withId(List<ConsumerRecord<byte[], byte[]>> records, UUID id) {
        return records.stream().filter(r -> id.toString().equals(header(r, KafkaCloudEvents.HEADER_ID)))
                .findFirst().orElseThrow();
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return header(record.headers(), name);
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Waits for an asynchronous outcome (relay, consumer) and fails with {@code what} if it never comes. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("gave up after " + PATIENCE + " waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
