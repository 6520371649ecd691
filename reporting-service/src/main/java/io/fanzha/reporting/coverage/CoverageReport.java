package io.fanzha.reporting.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fanzha.reporting.goal.GoalAttainment;
import io.fanzha.reporting.readmodel.Freshness;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"regionCode", "name", "level", "asOf", "householdsReached", "pace", "goals",
        "children", "freshness"},
        description = "Household coverage (入户宣传率) of a region and of each region below it", example = """
        {"regionCode": "341825100", "name": "旌阳镇", "level": "TOWNSHIP", "from": "2024-01-10", "asOf": "2024-03-01",
         "residentHouseholds": 600, "householdsReached": 330, "percent": 55.0,
         "pace": {"days": 28, "householdsReached": 120, "householdsPerDay": 4.3, "projectedCompletion": "2024-04-05"},
         "goals": [], "children": [{"regionCode": "341825100201", "name": "三溪村", "level": "VILLAGE",
           "residentHouseholds": 100, "householdsReached": 80, "percent": 80.0}],
         "freshness": {"generation": 1, "lastEventAt": "2024-03-01T09:12:00Z", "lastEventAppliedAt": "2024-03-01T09:12:00.2Z"}}""")
public record CoverageReport(
        String regionCode,
        String name,
        String level,
        @Schema(nullable = true, description = "First day counted; null: from the first record") LocalDate from,
        @Schema(description = "Last day counted") LocalDate asOf,
        @Schema(nullable = true, description = "Null while unknown") Integer residentHouseholds,
        @Schema(description = "Distinct households reached by counted door-to-door visits") long householdsReached,
        @Schema(nullable = true, description = "One decimal; null when resident households are unknown or 0")
        BigDecimal percent,
        @Schema(nullable = true, description = "RESIDENT_HOUSEHOLDS_UNKNOWN or NO_RESIDENT_HOUSEHOLDS when there is no "
                + "percent") String percentUnavailable,
        Pace pace,
        @Schema(description = "The coverage goals set for this region, each measured from its campaign's start")
        List<GoalAttainment> goals,
        @Schema(description = "The regions directly below, in code order") List<Child> children,
        Freshness freshness) {


    @JsonInclude(JsonInclude.Include.NON_NULL)

    @Schema(requiredProperties = {"days", "householdsReached", "householdsPerDay"})
    public record Pace(
            @Schema(description = "The days the pace is taken over", example = "28") int days,
            @Schema(description = "Households reached for the first time in those days") long householdsReached,
            BigDecimal householdsPerDay,
            @Schema(nullable = true, description = "The day all resident households are reached at this pace; null when "
                    + "reached already, without progress or with unknown households") LocalDate projectedCompletion) {
    }


    @JsonInclude(JsonInclude.Include.NON_NULL)

    @Schema(requiredProperties = {"regionCode", "name", "level", "householdsReached"})
    public record Child(
            String regionCode,
            String name,
            String level,
            @Schema(nullable = true) Integer residentHouseholds,
            long householdsReached,
            @Schema(nullable = true) BigDecimal percent,
            @Schema(nullable = true) String percentUnavailable) {
    }
}
