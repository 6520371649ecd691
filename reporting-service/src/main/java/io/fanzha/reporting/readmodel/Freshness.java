package io.fanzha.reporting.readmodel;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How fresh an answer is: the read models it came from and the newest event applied to them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"generation"},
        description = "How fresh the answer is. These fields, and only these, differ after a rebuild.", example = """
        {"generation": 2, "lastEventAt": "2024-02-05T08:00:00.120Z", "lastEventAppliedAt": "2024-02-05T08:00:00.431Z"}""")
public record Freshness(
        @Schema(description = "The read-model generation that answered") int generation,
        @Schema(nullable = true, description = "Time of the newest event applied (its ce_time)") OffsetDateTime lastEventAt,
        @Schema(nullable = true, description = "When that generation last applied an event")
        OffsetDateTime lastEventAppliedAt) {
}
