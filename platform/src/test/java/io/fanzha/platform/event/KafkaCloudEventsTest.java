package io.fanzha.platform.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class KafkaCloudEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final UUID ID = UUID.fromString("7b0c2f7e-4c61-4f5e-9a4e-2f0d7d6b8a11");
    private static final OffsetDateTime TIME = OffsetDateTime.parse("2024-01-15T10:30:00.123456+08:00");

    @Test
    void headersDecodeBackToTheSameEvent() {
        Headers headers = KafkaCloudEvents.headers(ID, "fanzha.outreach.recorded.v1", "/fanzha/outreach-service",
                "341825100201", TIME);

        CloudEvent event = KafkaCloudEvents.decode(bytes("341825"), bytes("{\"loss\":125000.00}"), headers, MAPPER);

        assertEquals(ID, event.id());
        assertEquals("fanzha.outreach.recorded.v1", event.type());
        assertEquals("/fanzha/outreach-service", event.source());
        assertEquals("341825100201", event.subject());
        assertEquals(TIME, event.time());
        assertEquals("341825", event.key());
        assertEquals(new BigDecimal("125000.00"), event.data().get("loss").decimalValue(), "exact, scale kept");
        assertEquals("2024-01-15T10:30:00.123456+08:00", text(headers, "ce_time"));
        assertEquals("application/json", text(headers, "content-type"));
    }

    @Test
    void subjectAndTimeAreOptionalAndAnEmptyValueIsNoData() {
        Headers headers = KafkaCloudEvents.headers(ID, "t", "/s", null, TIME);
        headers.remove("ce_time");

        CloudEvent event = KafkaCloudEvents.decode(null, new byte[0], headers, MAPPER);

        assertNull(event.subject());
        assertNull(event.time());
        assertNull(event.key());
        assertTrue(event.data().isNull());
    }

    @Test
    void recordsThatAreNotFanzhaCloudEventsAreRejectedWithTheReason() {
        assertRejected("ce_specversion must be 1.0 but is missing", without("ce_specversion"), "{}");
        assertRejected("ce_specversion must be 1.0 but is '0.3'", replaced("ce_specversion", "0.3"), "{}");
        assertRejected("ce_id is missing", without("ce_id"), "{}");
        assertRejected("ce_id must be a UUID", replaced("ce_id", "42"), "{}");
        assertRejected("ce_type is missing", without("ce_type"), "{}");
        assertRejected("ce_source is missing", replaced("ce_source", " "), "{}");
        assertRejected("ce_time must be an ISO-8601 timestamp", replaced("ce_time", "yesterday"), "{}");
        assertRejected("content-type must be application/json", replaced("content-type", "text/csv"), "{}");
        assertRejected("not JSON", valid(), "{\"open\":");
    }

    private static void assertRejected(String reason, Headers headers, String value) {
        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class,
                () -> KafkaCloudEvents.decode(bytes("341825"), bytes(value), headers, MAPPER));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static Headers valid() {
        return KafkaCloudEvents.headers(ID, "t", "/s", "x", TIME);
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
