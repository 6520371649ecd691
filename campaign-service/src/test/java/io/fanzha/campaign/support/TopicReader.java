package io.fanzha.campaign.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads a topic of this test run on the real test broker from the beginning, looking for one event by subject. */
public final class TopicReader {

    private TopicReader() {
    }

    public static Optional<ConsumerRecord<String, String>> findBySubject(String topic, String type, String subject) {
        return findBySubject(topic, type, subject, value -> true);
    }

    /** The first event of this type and subject whose payload passes {@code payload}. */
    public static Optional<ConsumerRecord<String, String>> findBySubject(String topic, String type, String subject,
            Predicate<String> payload) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "campaign-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            // The outbox appends this run's suffix to every topic (fanzha.events.topic-suffix).
            consumer.subscribe(List.of(topic + ConfigProvider.getConfig()
                    .getOptionalValue("fanzha.events.topic-suffix", String.class).orElse("")));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (subject.equals(header(record, "ce_subject")) && type.equals(header(record, "ce_type"))
                            && payload.test(record.value())) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static Map<String, Object> body(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
            return map;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
