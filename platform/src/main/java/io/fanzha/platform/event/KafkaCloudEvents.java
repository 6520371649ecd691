package io.fanzha.platform.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * The CloudEvents 1.0 Kafka protocol binding in binary mode: attributes travel as {@code ce_*} headers,
 * the record value is the JSON payload itself and the record key is the partitioning key.
 */
public final class KafkaCloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_CONTENT_TYPE = "content-type";

    private KafkaCloudEvents() {
    }

    /** The headers of one event; {@code subject} may be null and is then left out. */
    public static Headers headers(UUID id, String type, String source, String subject, OffsetDateTime time) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, HEADER_SPEC_VERSION, SPEC_VERSION);
        add(headers, HEADER_ID, id.toString());
        add(headers, HEADER_TYPE, type);
        add(headers, HEADER_SOURCE, source);
        add(headers, HEADER_TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
        if (subject != null) {
            add(headers, HEADER_SUBJECT, subject);
        }
        add(headers, HEADER_CONTENT_TYPE, JSON);
        return headers;
    }

    /**
     * Reads a record back into a {@link CloudEvent}. Fanzha requires a UUID id, a type and a source;
     * time and subject are optional as in the specification. Anything else is
     * {@link InvalidCloudEventException}.
     */
    public static CloudEvent decode(byte[] key, byte[] value, Headers headers, ObjectMapper mapper) {
        String specVersion = text(headers, HEADER_SPEC_VERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new InvalidCloudEventException("header " + HEADER_SPEC_VERSION + " must be " + SPEC_VERSION
                    + " but is " + (specVersion == null ? "missing" : "'" + specVersion + "'"));
        }
        String contentType = text(headers, HEADER_CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(JSON)) {
            throw new InvalidCloudEventException("content-type must be " + JSON + " but is '" + contentType + "'");
        }
        return new CloudEvent(id(headers), required(headers, HEADER_TYPE), required(headers, HEADER_SOURCE),
                text(headers, HEADER_SUBJECT), time(headers),
                key == null ? null : new String(key, StandardCharsets.UTF_8), data(value, mapper));
    }

    private static UUID id(Headers headers) {
        String id = required(headers, HEADER_ID);
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidCloudEventException("header " + HEADER_ID + " must be a UUID but is '" + id + "'", e);
        }
    }

    private static OffsetDateTime time(Headers headers) {
        String time = text(headers, HEADER_TIME);
        if (time == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time);
        } catch (DateTimeParseException e) {
            throw new InvalidCloudEventException(
                    "header " + HEADER_TIME + " must be an ISO-8601 timestamp with offset but is '" + time + "'", e);
        }
    }

    private static JsonNode data(byte[] value, ObjectMapper mapper) {
        if (value == null || value.length == 0) {
            return NullNode.getInstance();
        }
        try {
            // Exact decimals: money must not pass through a double, nor lose the scale of "125000.00".
            return mapper.reader()
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                    .readTree(value);
        } catch (IOException e) {
            throw new InvalidCloudEventException("the record value is not JSON: " + e.getMessage(), e);
        }
    }

    private static String required(Headers headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidCloudEventException("header " + name + " is missing");
        }
        return value;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
