package io.fanzha.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Sends an event to a topic of this test run on the real test broker, as another service's outbox relay would. */
public final class TopicWriter {

    private TopicWriter() {
    }

    /** Sends a CloudEvent in binary mode and waits for the broker's ack; returns its id. */
    public static UUID send(String topic, String type, String key, String subject, String json) throws Exception {
        UUID id = UUID.randomUUID();
        String suffix = ConfigProvider.getConfig().getOptionalValue("fanzha.events.topic-suffix", String.class).orElse("");
        ProducerRecord<String, String> record = new ProducerRecord<>(topic + suffix, key, json);
        Map.of("ce_specversion", "1.0", "ce_id", id.toString(), "ce_type", type, "ce_source", "/fanzha/test",
                "ce_time", OffsetDateTime.now().toString(), "ce_subject", subject, "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(record).get();
        }
        return id;
    }
}
