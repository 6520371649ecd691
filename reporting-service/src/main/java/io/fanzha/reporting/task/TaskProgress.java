package io.fanzha.reporting.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A task's quota against what its responsible units logged (the rules: docs/reports.md, "Task progress"). */
public record TaskProgress(
        UUID taskId,
        @Schema(example = "每个社区、小区、单位出入口张贴反诈标语和海报") String title,
        @Schema(example = "SOCIAL_FACE") String kind,
        @Schema(example = "341825") String regionCode,
        @Schema(example = "2024-01-31") LocalDate deadline,
        Quota quota,
        @Schema(description = "Records counted, or for a coverage quota the percent of households reached",
                example = "1210") BigDecimal done,
        @Schema(nullable = true, description = "done against the quota, one decimal", example = "80.7")
        BigDecimal percentDone,
        @Schema(description = "The deadline has passed with the quota not met") boolean overdue,
        @Schema(description = "DONE, ON_TRACK, BEHIND (below the share of the quota the time elapsed asks for), OVERDUE; "
                + "NO_QUOTA for a task without one") String status,
        @Schema(description = "Each responsible unit's part") List<UnitProgress> units) {

    public record Quota(
            @Schema(nullable = true, example = "1500") Integer count,
            @Schema(example = "[\"POSTER\", \"BANNER\"]") List<String> kinds,
            @Schema(nullable = true, example = "100") Integer coveragePercent) {
    }


    @JsonInclude(JsonInclude.Include.NON_NULL)

    @Schema(requiredProperties = {"unitId", "done", "behind"})
    public record UnitProgress(
            UUID unitId,
            @Schema(nullable = true, example = "旌德县公安局旌阳派出所") String name,
            @Schema(description = "Records it logged for the task (households it visited, for a coverage quota)")
            long done,
            @Schema(nullable = true, description = "Its share of a count quota: the quota divided among the units, "
                    + "rounded up") Integer share,
            @Schema(description = "Below its share's due part by now, or short of it after the deadline") boolean behind) {
    }
}
