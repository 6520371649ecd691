package io.fanzha.reporting.goal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How far one goal has come, computed from the read models, with the rule that gave its status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"goalId", "campaignId", "metric", "regionCode", "categories", "outreachKinds",
        "window", "target", "status"},
        description = "A goal's attainment (the rules: docs/reports.md, \"Goal attainment\")")
public record GoalAttainment(
        UUID goalId,
        UUID campaignId,
        @Schema(description = "CASES, LOSS, COVERAGE or ACTIVITY_COUNT") String metric,
        @Schema(example = "341825") String regionCode,
        @Schema(description = "Fraud categories counted; empty: all") List<String> categories,
        @Schema(description = "Outreach kinds counted (ACTIVITY_COUNT)") List<String> outreachKinds,
        @Schema(nullable = true, example = "2024-Q1") String period,
        @Schema(nullable = true, example = "2024-03-31") LocalDate deadline,
        @Schema(description = "What was counted: the days, and for CASES and LOSS the completed ISO weeks")
        Window window,
        @Schema(nullable = true, description = "Last year's same weeks (CASES and LOSS)") Window comparedWith,
        @Schema(nullable = true, description = "Cases, loss in CNY, coverage percent or records; null when it cannot be "
                + "computed yet (see reason)", example = "18") BigDecimal current,
        @Schema(nullable = true, description = "The same weeks last year (CASES and LOSS)", example = "24")
        BigDecimal comparator,
        @Schema(nullable = true, description = "current against comparator, one decimal; null when the comparator is "
                + "0 (see reason)", example = "-25.0") BigDecimal changePercent,
        Target target,
        @Schema(nullable = true, description = "COVERAGE and ACTIVITY_COUNT: the day the target is reached at the pace "
                + "of the last 28 days; null when reached or without progress") LocalDate projectedCompletion,
        @Schema(description = "ACHIEVED, ON_TRACK, AT_RISK, MISSED; NOT_STARTED before a week of the period has ended; "
                + "UNKNOWN when a denominator is unknown") String status,
        @Schema(nullable = true, description = "Why a figure is missing or how the status was decided",
                example = "no cases in the same weeks last year: no percentage") String reason) {

    public static final String ACHIEVED = "ACHIEVED";
    public static final String ON_TRACK = "ON_TRACK";
    public static final String AT_RISK = "AT_RISK";
    public static final String MISSED = "MISSED";
    public static final String NOT_STARTED = "NOT_STARTED";
    public static final String UNKNOWN = "UNKNOWN";


    @JsonInclude(JsonInclude.Include.NON_NULL)

    @Schema(requiredProperties = {"from", "to", "complete"})
    public record Window(
            @Schema(example = "2024-01-01") LocalDate from,
            @Schema(example = "2024-02-25") LocalDate to,
            @Schema(nullable = true, description = "Completed ISO weeks counted", example = "8") Integer weeks,
            @Schema(description = "Whether the goal's whole period (or time to its deadline) is over") boolean complete) {
    }

    public record Target(
            @Schema(nullable = true, description = "CASES, LOSS: percent change against last year", example = "-10")
            Integer changePercent,
            @Schema(nullable = true, description = "COVERAGE: percent of resident households", example = "100")
            Integer percent,
            @Schema(nullable = true, description = "ACTIVITY_COUNT: records", example = "12") Integer count) {
    }
}
