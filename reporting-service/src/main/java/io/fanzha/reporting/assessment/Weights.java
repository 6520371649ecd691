package io.fanzha.reporting.assessment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many of a score's 100 points each part is worth; they add up to 100. */
@Schema(description = "Points of each part, whole numbers adding up to 100", example = """
        {"taskCompletion": 30, "coverage": 25, "reportingTimeliness": 15, "caseTrend": 15, "evidenceQuality": 15}""")
public record Weights(
        @NotNull @Min(0) @Max(100) Integer taskCompletion,
        @NotNull @Min(0) @Max(100) Integer coverage,
        @NotNull @Min(0) @Max(100) Integer reportingTimeliness,
        @NotNull @Min(0) @Max(100) Integer caseTrend,
        @NotNull @Min(0) @Max(100) Integer evidenceQuality) {

    public int total() {
        return taskCompletion + coverage + reportingTimeliness + caseTrend + evidenceQuality;
    }

    int of(Part.Kind kind) {
        return switch (kind) {
            case TASK_COMPLETION -> taskCompletion;
            case COVERAGE -> coverage;
            case REPORTING_TIMELINESS -> reportingTimeliness;
            case CASE_TREND -> caseTrend;
            case EVIDENCE_QUALITY -> evidenceQuality;
        };
    }
}
