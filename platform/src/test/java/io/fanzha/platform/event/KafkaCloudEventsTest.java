package io.fanzha.platform.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class KafkaCloudEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final UUID ID = UUID.fromString("7b0c2f7e-4c61-4f5e-9a4e-2f0d7d6b8a11");
    private static final OffsetDateTime TIME = OffsetDateTime.parse("2024-01-15T10:30:00.123456+08:00");

    @Test
    void anOutboxRowTravelsAsABinaryModeRecordAndDecodesBackToTheSameEvent() {
        ProducerRecord<String, byte[]> record = KafkaCloudEvents.record(row("341825100201", "{\"loss\":125000.00}"));

        assertEquals("fanzha.outreach.v1", record.topic());
        assertEquals("341825", record.key());
        assertEquals("1.0", text(record.headers(), "ce_specversion"));
        assertEquals(ID.toString(), text(record.headers(), "ce_id"));
        assertEquals("/fanzha/outreach-service", text(record.headers(), "ce_source"));
        assertEquals("application/json", text(record.headers(), "content-type"));
        assertEquals("{\"loss\":125000.00}", new String(record.value(), StandardCharsets.UTF_8));

        CloudEvent event = KafkaCloudEvents.decode(record.key(), record.headers(), record.value(), MAPPER);

        assertEquals(ID, event.id());
        assertEquals("fanzha.outreach.recorded.v1", event.type());
        assertEquals("/fanzha/outreach-service", event.source());
        assertEquals("341825100201", event.subject());
        assertEquals(TIME.toInstant(), event.time().toInstant());
        assertEquals("341825", event.key());
        assertEquals(new BigDecimal("125000.00"), event.data().get("loss").decimalValue(), "exact, scale kept");
    }

    @Test
    void subjectAndTimeAreOptionalAndAnEmptyValueIsNoData() {
        ProducerRecord<String, byte[]> record = KafkaCloudEvents.record(row(null, "{}"));
        record.headers().remove("ce_time");

        CloudEvent event = KafkaCloudEvents.decode(null, record.headers(), new byte[0], MAPPER);

        assertNull(event.subject());
        assertNull(event.time());
        assertNull(event.key());
        assertTrue(event.data().isNull());
    }

    @Test
    void recordsThatAreNotFanzhaCloudEventsAreRejectedWithTheReason() {
        assertRejected("not a CloudEvent", without("ce_specversion"), "{}");
        assertRejected("specversion must be 1.0 but is 0.3", replaced("ce_specversion", "0.3"), "{}");
        assertRejected("not a CloudEvent", without("ce_id"), "{}");
        assertRejected("ce_id must be a UUID but is '42'", replaced("ce_id", "42"), "{}");
        assertRejected("not a CloudEvent", without("ce_type"), "{}");
        assertRejected("not a CloudEvent", replaced("ce_source", "not a uri"), "{}");
        assertRejected("not a CloudEvent", replaced("ce_time", "yesterday"), "{}");
        assertRejected("content-type must be application/json but is 'text/csv'", replaced("content-type", "text/csv"), "{}");
        assertRejected("not JSON", valid(), "{\"open\":");
        assertRejected("not a CloudEvent", new RecordHeaders(), "{}");
    }

    private static void assertRejected(String reason, Headers headers, String value) {
        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class,
                () -> KafkaCloudEvents.decode("341825", headers, bytes(value), MAPPER));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static OutboxEvent row(String subject, String payload) {
        OutboxEvent row = new OutboxEvent();
        row.id = ID;
        row.topic = "fanzha.outreach.v1";
        row.eventType = "fanzha.outreach.recorded.v1";
        row.source = "/fanzha/outreach-service";
        row.subject = subject;
        row.eventKey = "341825";
        row.payload = payload;
        row.createdAt = TIME;
        return row;
    }

    private static Headers valid() {
        return KafkaCloudEvents.record(row("x", "{}")).headers();
    }

    private static Headers without(String name) {
        Headers headers = valid();
        headers.remove(name);
        return headers;
    }

    private static Headers replaced(String name, String value) {
        Headers headers = without(name);
        headers.add(name, bytes(value));
        return headers;
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
