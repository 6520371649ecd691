package io.fanzha.platform.event;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;

/** Builds the configuration of every Kafka client in the platform from one place. */
@Singleton
class KafkaClients {

    private static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";

    /** Every {@code kafka.*} property and {@code KAFKA_*} variable, collected by the Quarkus Kafka extension. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    @Inject
    KafkaConfig config;

    /** An idempotent producer that waits for all in-sync replicas and gives up quickly on a dead broker. */
    Map<String, Object> producer(String clientId, boolean stringValues) {
        Map<String, Object> props = common(clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.maxBlock().toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.requestTimeout().toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.deliveryTimeout().toMillis());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                stringValues ? StringSerializer.class.getName() : ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                stringValues ? StringSerializer.class.getName() : ByteArraySerializer.class.getName());
        return props;
    }

    /** A consumer of raw bytes, so that a record that is not even text still reaches the dead-letter topic intact. */
    Map<String, Object> consumer(String groupId, int maxPollRecords) {
        Map<String, Object> props = common(groupId);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    private Map<String, Object> common(String clientId) {
        Map<String, Object> props = new HashMap<>(broker);
        props.putIfAbsent("bootstrap.servers", DEFAULT_BOOTSTRAP);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put("client.id", clientId);
        props.put("reconnect.backoff.max.ms", (int) config.reconnectBackoffMax().toMillis());
        return props;
    }
}
