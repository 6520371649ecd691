package io.fanzha.reporting.effectiveness;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.reporting.readmodel.Freshness;

/**
 * Whether villages reached by door-to-door outreach see fewer cases (docs/reports.md, "Effectiveness"): every rate
 * beside the villages and households behind it, and none where too few villages stand behind it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"regionCode", "name", "from", "to", "weeks", "roundPercent", "minimumVillages", "sample",
        "reachedVersusNotReached", "beforeAfter", "villages", "freshness"},
        description = "Case rates of reached and not reached villages, and before and after each village's first "
                + "door-to-door round", example = """
        {"regionCode": "341825", "name": "旌德县", "from": "2023-01-02", "to": "2024-12-29", "weeks": 104,
         "roundPercent": 50, "minimumVillages": 5,
         "sample": {"villages": 40, "withoutHouseholds": 1, "withoutFigures": 2},
         "reachedVersusNotReached": {"reached": {"villages": 12, "households": 3600, "cases": 9, "per1000Households": 2.50},
           "notReached": {"villages": 10, "households": 3000, "cases": 15, "per1000Households": 5.00},
           "difference": -2.50, "enoughData": true},
         "beforeAfter": {"reached": {"villages": 18, "households": 5400, "casesBefore": 30, "casesAfter": 12,
             "per1000HouseholdsPer4WeeksBefore": 0.41, "per1000HouseholdsPer4WeeksAfter": 0.19, "change": -0.22},
           "control": {"villages": 10, "households": 3000, "casesBefore": 8, "casesAfter": 7,
             "per1000HouseholdsPer4WeeksBefore": 0.36, "per1000HouseholdsPer4WeeksAfter": 0.35, "change": -0.01},
           "differenceInDifferences": -0.21, "enoughData": true},
         "villages": [], "freshness": {"generation": 1, "lastEventAt": "2024-12-30T09:12:00Z"}}""")
public record Effectiveness(
        String regionCode,
        String name,
        @Schema(description = "Monday of the first week compared") LocalDate from,
        @Schema(description = "Sunday of the last week compared") LocalDate to,
        @Schema(description = "The ISO weeks compared: those whose Thursday is in the range asked and that have ended")
        int weeks,
        @Schema(description = "A village's first round ends the day its counted door-to-door visits have reached this "
                + "percent of its resident households", example = "50") int roundPercent,
        @Schema(description = "The fewest villages a rate may stand on", example = "5") int minimumVillages,
        Sample sample,
        Comparison reachedVersusNotReached,
        BeforeAfter beforeAfter,
        @Schema(description = "Every village of the sample, in code order") List<Village> villages,
        Freshness freshness) {

    @Schema(requiredProperties = {"villages", "withoutHouseholds", "withoutFigures"})
    public record Sample(
            @Schema(description = "Villages compared: resident households known and weekly figures reported")
            int villages,
            @Schema(description = "Villages left out: resident households unknown or 0") int withoutHouseholds,
            @Schema(description = "Villages left out: no weekly case figures in those weeks") int withoutFigures) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"villages", "households", "cases"})
    public record Group(
            int villages,
            long households,
            long cases,
            @Schema(nullable = true, description = "Cases in the weeks per 1,000 households; null when too few villages")
            BigDecimal per1000Households) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"reached", "notReached", "enoughData"},
            description = "Villages whose first round ended before the first week against villages never reached by "
                    + "the last (those reached within the weeks are compared in beforeAfter)")
    public record Comparison(
            Group reached,
            Group notReached,
            @Schema(nullable = true, description = "reached minus notReached, per 1,000 households") BigDecimal difference,
            boolean enoughData,
            @Schema(nullable = true, description = "Why there is no figure") String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"villages", "households", "casesBefore", "casesAfter"})
    public record Rates(
            int villages,
            long households,
            long casesBefore,
            long casesAfter,
            @Schema(nullable = true) BigDecimal per1000HouseholdsPer4WeeksBefore,
            @Schema(nullable = true) BigDecimal per1000HouseholdsPer4WeeksAfter,
            @Schema(nullable = true, description = "After minus before") BigDecimal change) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"reached", "control", "enoughData"},
            description = "Villages whose first round ended within the weeks, before and after their round's week, "
                    + "against the villages never reached over the same weeks")
    public record BeforeAfter(
            Rates reached,
            @Schema(description = "Never-reached villages over each reached village's weeks before and after, weighted "
                    + "as the reached villages are") Rates control,
            @Schema(nullable = true, description = "The reached villages' change minus the control's")
            BigDecimal differenceInDifferences,
            boolean enoughData,
            @Schema(nullable = true, description = "Why there is no figure") String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"code", "name", "residentHouseholds", "group", "cases"})
    public record Village(
            String code,
            String name,
            int residentHouseholds,
            @Schema(nullable = true, description = "The day its first round ended") LocalDate roundEnded,
            @Schema(enumeration = {"REACHED_BEFORE", "REACHED_WITHIN", "NOT_REACHED"}) String group,
            @Schema(description = "Its cases in the weeks") long cases,
            @Schema(nullable = true, description = "For REACHED_WITHIN: cases in the weeks before its round's week")
            Long casesBefore,
            @Schema(nullable = true, description = "For REACHED_WITHIN: cases in the weeks after it") Long casesAfter) {
    }
}
