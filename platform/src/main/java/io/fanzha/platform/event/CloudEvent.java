package io.fanzha.platform.event;

import java.time.OffsetDateTime;
import java.util.UUID;

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
     * java.time and the service's Jackson settings apply exactly as when the payload was written.
     */
    public <T> T dataAs(Class<T> payloadType, ObjectMapper mapper) {
        return mapper.convertValue(data, payloadType);
    }
}
