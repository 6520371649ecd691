package io.fanzha.platform.event;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One event as a consumer sees it: the CloudEvents 1.0 attributes from the Kafka headers
 * (binary mode), the record key (the county-level region code) and the JSON payload.
 */
public record CloudEvent(UUID id, String type, String source, String subject, OffsetDateTime time, String key,
        JsonNode data) {

    /**
     * The payload as a typed object. Pass the application's {@link ObjectMapper} (inject it) so that
     * java.time and the service's Jackson settings apply exactly as when the payload was written. Fields this
     * reader does not know are skipped: a payload may gain fields at any time (docs/events.md).
     */
    public <T> T dataAs(Class<T> payloadType, ObjectMapper mapper) {
        try {
            return mapper.readerFor(payloadType).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(data);
        } catch (IOException e) {
            throw new IllegalArgumentException("the payload is not a " + payloadType.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }
}
