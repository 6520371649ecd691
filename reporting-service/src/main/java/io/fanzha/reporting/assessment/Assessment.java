package io.fanzha.reporting.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.reporting.readmodel.Freshness;

/** Every unit's score under one version of a scheme (docs/reports.md, "Assessment"). */
@Schema(requiredProperties = {"schemeCode", "schemeVersion", "schemeName", "within", "period", "from", "to", "asOf",
        "units", "freshness"},
        description = "The units of a subtree scored under one version of a scheme, best first", example = """
        {"schemeCode": "341825-2024", "schemeVersion": 1, "schemeName": "2024年防范电信网络诈骗宣传工作考核方案",
         "within": "341825", "period": "2024-Q1", "from": "2024-01-01", "to": "2024-03-31", "asOf": "2024-04-10",
         "units": [{"unitId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "name": "旌阳派出所", "type": "POLICE_STATION",
           "regionCode": "341825100", "rank": 1, "score": 86.25,
           "href": "/api/v1/reports/assessment-schemes/341825-2024/scores/7c9e6679-7425-40de-944b-e07fc1f90ae7?period=2024-Q1&version=1&asOf=2024-04-10",
           "parts": [{"part": "COVERAGE", "weight": 25, "effectiveWeight": 25.00, "applicable": true, "percent": 55.0,
             "points": 13.75, "pointsLost": 11.25, "facts": {"residentHouseholds": 600, "householdsReached": 330}}]}],
         "freshness": {"generation": 1, "lastEventAt": "2024-04-10T09:12:00Z"}}""")
public record Assessment(
        String schemeCode,
        int schemeVersion,
        String schemeName,
        @Schema(description = "The subtree whose units are scored") String within,
        String period,
        @Schema(description = "First day of the period") LocalDate from,
        @Schema(description = "Last day of work counted: the period's last day, or the day judged if sooner") LocalDate to,
        @Schema(description = "The day judged: weekly figures and report deadlines count once past it") LocalDate asOf,
        @Schema(description = "Best score first; units without a score last") List<UnitScore> units,
        Freshness freshness) {

    /** One unit's score under one version of a scheme, with the records behind every point it lost. */
    @Schema(requiredProperties = {"schemeCode", "schemeVersion", "schemeName", "period", "from", "to", "asOf", "unit",
            "freshness"})
    public record OfUnit(
            String schemeCode,
            int schemeVersion,
            String schemeName,
            String period,
            LocalDate from,
            LocalDate to,
            LocalDate asOf,
            @Schema(description = "The score, each part with the records that cost it points") UnitScore unit,
            Freshness freshness) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"unitId", "name", "type", "regionCode", "href", "parts"})
    public record UnitScore(
            UUID unitId,
            String name,
            String type,
            String regionCode,
            @Schema(nullable = true, description = "1 for the best score; equal scores share a rank") Integer rank,
            @Schema(nullable = true, description = "Out of 100, two decimals: the sum of the parts' points")
            BigDecimal score,
            @Schema(nullable = true, description = "Why there is no score: no part applies to the unit") String reason,
            @Schema(description = "This score with the records behind it") String href,
            List<PartScore> parts) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"part", "weight", "applicable", "facts"})
    public record PartScore(
            @Schema(enumeration = {"TASK_COMPLETION", "COVERAGE", "REPORTING_TIMELINESS", "CASE_TREND",
                    "EVIDENCE_QUALITY"}) String part,
            @Schema(description = "The scheme's points for it") int weight,
            @Schema(nullable = true, description = "Its points once the weights of parts that do not apply are shared "
                    + "out: weight × 100 / the applicable parts' weights") BigDecimal effectiveWeight,
            boolean applicable,
            @Schema(nullable = true, description = "The share of its points earned, in percent") BigDecimal percent,
            @Schema(nullable = true) BigDecimal points,
            @Schema(nullable = true) BigDecimal pointsLost,
            @Schema(nullable = true, description = "Why it does not apply") String reason,
            @Schema(description = "The figures it was judged by") Map<String, Object> facts,
            @Schema(nullable = true, description = "In a unit's score: each record that cost points, the costliest "
                    + "first") List<Cost> records) {
    }

    @Schema(requiredProperties = {"type", "id", "href", "pointsLost", "facts"})
    public record Cost(
            @Schema(enumeration = {"TASK", "VILLAGE", "REGION", "WEEKLY_REPORT", "CASE_FIGURES", "OUTREACH"}) String type,
            @Schema(description = "Its id: a task's or record's UUID, a region code, region/week/reporter of a report")
            String id,
            @Schema(description = "Where to open it") String href,
            @Schema(description = "Points it cost, two decimals") BigDecimal pointsLost,
            @Schema(description = "What was found") Map<String, Object> facts) {
    }
}
