package io.fanzha.reporting.region;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.fanzha.reporting.support.ReadModels;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A burst like a province loading its division tree: 20,000 region events on the campaign topic, every one of
 * them reaching the read model exactly once. Prints the rate; bench/EventBurst.java measures it against its
 * reference (docs/benchmarks.md).
 */
@QuarkusTest
class EventBurstTest {

    static final int EVENTS = 20_000;

    @Test
    void twentyThousandRegionEventsAllReachTheReadModelOnce() throws Exception {
        ReadModels.awaitActive();
        long processedBefore = processed();
        String topic = Topics.CAMPAIGN
                + ConfigProvider.getConfig().getOptionalValue("fanzha.events.topic-suffix", String.class).orElse("");
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(EVENTS);
            // 40 synthetic counties 9801xx..9840xx (no real province 98), 500 villages each, keyed by county.
            for (int i = 0; i < EVENTS; i++) {
                String county = "98" + String.format("%04d", 100 + i / 500);
                String village = county + "101" + String.format("%03d", 100 + i % 500);
                acks.add(producer.send(record(topic, county, village)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> regions() == EVENTS);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("EventBurstTest: %d events in the read model %.1f s after the first send (%.0f events/s)%n",
                EVENTS, seconds, EVENTS / seconds);
        assertEquals(EVENTS, processed() - processedBefore, "each event recorded as processed once");
    }

    private static ProducerRecord<String, String> record(String topic, String county, String village) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, county,
                "{\"code\":\"" + village + "\",\"name\":\"突发" + village + "\",\"parentCode\":\""
                        + village.substring(0, 9) + "\",\"level\":\"VILLAGE\",\"path\":\"\",\"residentHouseholds\":100,"
                        + "\"population\":300,\"version\":0}");
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", EventTypes.REGION_CREATED);
        header(record, "ce_source", "/fanzha/campaign-service");
        header(record, "ce_time", OffsetDateTime.now().toString());
        header(record, "ce_subject", village);
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static long regions() {
        return ReadModels.countInActive("SELECT count(*) FROM region WHERE code LIKE '98%'");
    }

    /** Events applied to the active generation, whether the first replay or the live consumer brought them. */
    private static long processed() {
        return ReadModels.countInActive("SELECT count(*) FROM processed_event WHERE consumer = '" + Topics.CAMPAIGN + "'");
    }
}
