package io.fanzha.campaign.goal;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.contracts.OutreachKind;
import io.fanzha.platform.period.Period;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.text.Text;

@Schema(description = "A goal to set, or its new state (with the version it was read at). Which fields a metric takes: "
        + "CASES and LOSS a period and targetChangePercent (and categories, none meaning all); COVERAGE a deadline and "
        + "targetPercent; ACTIVITY_COUNT outreachKinds, targetCount and a period or a deadline.", example = """
        {"metric": "CASES", "categories": ["ONLINE_LOAN", "INVESTMENT_GAMBLING", "ORDER_BRUSHING", "SHOPPING_REFUND"],
         "regionCode": "341825", "period": "2024-Q1", "targetChangePercent": -10}""")
public record GoalRequest(
        @NotNull GoalMetric metric,
        @Schema(description = "Fraud category codes; none: all categories (CASES and LOSS only)")
        @Size(max = 50) List<@NotNull @Pattern(regexp = Text.CODE, message = Text.CODE_MESSAGE) String> categories,
        @Schema(description = "The goal's region: the campaign's region or one below it")
        @NotNull @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.MESSAGE) String regionCode,
        @Schema(description = "The evaluation period") Period period,
        @Schema(description = "The date by which the target is to be reached") LocalDate deadline,
        @Schema(description = "Change against the same period last year, in percent (-10: down 10 %)")
        @Min(-100) @Max(1000) Integer targetChangePercent,
        @Schema(description = "Coverage to reach, in percent") @Min(0) @Max(100) Integer targetPercent,
        @Schema(description = "How many outreach records of the given kinds") @Min(1) @Max(10_000_000) Integer targetCount,
        @Size(max = 18) List<@NotNull OutreachKind> outreachKinds,
        @Schema(description = "For an update: the version you read; a newer stored version is 409 goal.stale")
        Long version) {
}
