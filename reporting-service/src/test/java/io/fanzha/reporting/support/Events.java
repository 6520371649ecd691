package io.fanzha.reporting.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Publishes events to this run's topics the way the services' outbox relays do (CloudEvents in binary mode, keyed by
 * county), with the event time a test chooses, and waits until the active read-model generation has applied them.
 */
public final class Events implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final ObjectMapper mapper;
    private final String suffix;
    private final List<Future<RecordMetadata>> acks = new ArrayList<>();
    private final List<UUID> sent = new ArrayList<>();

    public Events(ObjectMapper mapper) {
        this.mapper = mapper;
        this.suffix = ConfigProvider.getConfig().getOptionalValue("fanzha.events.topic-suffix", String.class).orElse("");
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    public UUID send(String topic, String key, String type, Object data, OffsetDateTime time) {
        UUID id = UUID.randomUUID();
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic + suffix, key, mapper.writeValueAsBytes(data));
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", id.toString());
            header(record, "ce_type", type);
            header(record, "ce_source", "/fanzha/test");
            header(record, "ce_time", time.toString());
            header(record, "ce_subject", key);
            header(record, "content-type", "application/json");
            acks.add(producer.send(record));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        sent.add(id);
        return id;
    }

    /** Waits for the broker's acknowledgements, then until the active generation has applied every event sent. */
    public void awaitApplied() throws Exception {
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
        acks.clear();
        String ids = String.join("','", sent.stream().map(UUID::toString).toList());
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> ReadModels.countInActive(
                "SELECT count(*) FROM processed_event WHERE event_id IN ('" + ids + "')") == sent.size());
    }

    @Override
    public void close() {
        producer.close();
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
