package io.fanzha.platform.event;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.NullNode;

import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;

/**
 * CloudEvents 1.0 in Kafka binary mode ({@code ce_*} headers, the JSON payload as the record value, the county
 * code as the key), written and read by the CloudEvents SDK's Kafka binding. Fanzha adds its own rules on top:
 * a UUID id, JSON data, exact decimals (docs/events.md).
 */
public final class KafkaCloudEvents {

    public static final String JSON = "application/json";

    private KafkaCloudEvents() {
    }

    /** The Kafka record of an outbox row, as the relay sends it. */
    static ProducerRecord<String, byte[]> record(OutboxEvent row) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(row.id.toString())
                .withType(row.eventType)
                .withSource(URI.create(row.source))
                .withTime(row.createdAt)
                .withData(JSON, row.payload.getBytes(StandardCharsets.UTF_8));
        if (row.subject != null) {
            event.withSubject(row.subject);
        }
        return KafkaMessageFactory.createWriter(row.topic, null, null, row.eventKey).writeBinary(event.build());
    }

    /**
     * Reads a record back into a {@link CloudEvent}. Anything the SDK cannot read, or that breaks Fanzha's rules,
     * is an {@link InvalidCloudEventException}: a poison record for the dead-letter topic.
     */
    public static CloudEvent decode(String key, Headers headers, byte[] value, ObjectMapper mapper) {
        io.cloudevents.CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(headers, value).toEvent();
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            throw new InvalidCloudEventException("not a CloudEvent in binary mode: " + e.getMessage(), e);
        }
        if (event.getSpecVersion() != SpecVersion.V1) {
            throw new InvalidCloudEventException("specversion must be 1.0 but is " + event.getSpecVersion());
        }
        if (event.getDataContentType() != null && !event.getDataContentType().startsWith(JSON)) {
            throw new InvalidCloudEventException("content-type must be " + JSON + " but is '"
                    + event.getDataContentType() + "'");
        }
        return new CloudEvent(id(event.getId()), event.getType(), event.getSource().toString(), event.getSubject(),
                event.getTime(), key, data(event.getData() == null ? null : event.getData().toBytes(), mapper));
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidCloudEventException("ce_id must be a UUID but is '" + id + "'", e);
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
}
