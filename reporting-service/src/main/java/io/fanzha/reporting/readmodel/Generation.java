package io.fanzha.reporting.readmodel;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One generation of the read models: a schema filled from the topics, answering queries while it is ACTIVE. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"id", "state", "modelVersion", "requestedBy", "startedAt", "eventsReplayed"},
        description = "A generation of the read models", example = """
        {"id": 2, "state": "ACTIVE", "modelVersion": 1, "requestedBy": "admin", "startedAt": "2026-11-29T10:00:00Z",
         "caughtUpAt": "2026-11-29T10:03:12Z", "eventsReplayed": 1204331}""")
public record Generation(
        int id,
        @Schema(description = "BUILDING (replaying the topics), ACTIVE (answering), RETIRED (replaced; its tables are "
                + "dropped a minute later) or FAILED (see failure)") String state,
        @Schema(description = "The version of the read-model tables it was built with") int modelVersion,
        @Schema(description = "Who asked for it: a user, or \"startup\"") String requestedBy,
        OffsetDateTime startedAt,
        @Schema(nullable = true, description = "When its replay reached the topics' ends and it became ACTIVE")
        OffsetDateTime caughtUpAt,
        @Schema(nullable = true) OffsetDateTime retiredAt,
        @Schema(description = "Events its replay has applied so far") long eventsReplayed,
        @Schema(nullable = true) String failure) {

    public static final String BUILDING = "BUILDING";
    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";
    public static final String FAILED = "FAILED";

    public String schema() {
        return ReadModelSchemas.nameOf(id);
    }
}
