package io.fanzha.reporting.traceback;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.reporting.readmodel.Freshness;

/** Whether outreach had reached each new case's household or village before it (docs/reports.md, "Trace-back"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"regionCode", "name", "period", "from", "to", "withinDays", "summary", "cases",
        "villagesWithoutOutreach", "freshness"},
        description = "Trace-back (倒查) of the case records of a subtree and period", example = """
        {"regionCode": "341825100", "name": "旌阳镇", "period": "2024-Q1", "from": "2024-01-01", "to": "2024-03-31",
         "withinDays": 90, "summary": {"cases": 1, "household": 1, "village": 0, "region": 0, "none": 0},
         "cases": [{"caseId": "6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b", "href": "/api/v1/cases/6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
           "occurredOn": "2024-02-03", "regionCode": "341825100201", "villageCode": "341825100201", "villageName": "三溪村",
           "category": "ONLINE_LOAN", "loss": 35000.00, "ageBand": "AGE_60_PLUS", "targetGroup": "ELDERLY",
           "householdRef": "HH-0042", "reached": "HOUSEHOLD", "searchedFrom": "2023-11-05", "searchedTo": "2024-02-02",
           "householdVisits": [{"recordId": "2d1f8e4a-5b6c-4d7e-8f90-a1b2c3d4e5f6", "href": "/api/v1/outreach/2d1f8e4a-5b6c-4d7e-8f90-a1b2c3d4e5f6",
             "occurredOn": "2024-01-15", "kind": "DOOR_TO_DOOR", "unitId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
             "targetGroup": "ELDERLY"}],
           "areaRecords": 12, "areaOutreach": [], "groupsReached": ["ELDERLY", "STUDENTS"], "victimGroupReached": true}],
         "villagesWithoutOutreach": [],
         "freshness": {"generation": 1, "lastEventAt": "2024-03-01T09:12:00Z", "lastEventAppliedAt": "2024-03-01T09:12:00.2Z"}}""")
public record TraceBack(
        String regionCode,
        String name,
        @Schema(example = "2024-Q1") String period,
        @Schema(description = "First day of the period") LocalDate from,
        @Schema(description = "Last day of the period") LocalDate to,
        @Schema(description = "How many days before each case were searched", example = "90") int withinDays,
        Summary summary,
        @Schema(description = "Every case of the subtree that occurred in the period, oldest first") List<Case> cases,
        @Schema(description = "Villages whose cases in the period all found no outreach before them")
        List<Village> villagesWithoutOutreach,
        Freshness freshness) {

    @Schema(requiredProperties = {"cases", "household", "village", "region", "none"},
            description = "How many cases found what: each case is counted once, by the closest outreach it found")
    public record Summary(int cases, int household, int village, int region, int none) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"caseId", "href", "occurredOn", "regionCode", "category", "reached", "searchedFrom",
            "searchedTo", "householdVisits", "areaRecords", "areaOutreach", "groupsReached"})
    public record Case(
            UUID caseId,
            @Schema(description = "The case record in case-stats-service") String href,
            LocalDate occurredOn,
            @Schema(description = "The region it was recorded in: a village, a grid, or a region above when the "
                    + "village is not known") String regionCode,
            @Schema(nullable = true, description = "The village of the region; null when recorded above one")
            String villageCode,
            @Schema(nullable = true) String villageName,
            String category,
            @Schema(nullable = true) BigDecimal loss,
            @Schema(nullable = true) String ageBand,
            @Schema(nullable = true, description = "The victim's group") String targetGroup,
            @Schema(nullable = true) String householdRef,
            @Schema(description = "HOUSEHOLD: a door-to-door visit reached the victim's household; VILLAGE: outreach in "
                    + "the victim's village, not the household; REGION: outreach in the region the case was recorded in "
                    + "(above a village); NONE: no counted outreach there",
                    enumeration = {"HOUSEHOLD", "VILLAGE", "REGION", "NONE"}) String reached,
            @Schema(description = "First day searched") LocalDate searchedFrom,
            @Schema(description = "Last day searched: the day before the case") LocalDate searchedTo,
            @Schema(description = "Counted door-to-door visits to the household in those days, newest first")
            List<Visit> householdVisits,
            @Schema(description = "Counted outreach records in the village (or the region above) in those days")
            int areaRecords,
            @Schema(description = "The newest of them, at most 20") List<Visit> areaOutreach,
            @Schema(description = "The target groups those records reached, sorted") List<String> groupsReached,
            @Schema(nullable = true, description = "Whether they reached the victim's group; null when the group "
                    + "is not known") Boolean victimGroupReached) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"recordId", "href", "occurredOn", "kind"})
    public record Visit(
            UUID recordId,
            @Schema(description = "The outreach record in outreach-service") String href,
            LocalDate occurredOn,
            String kind,
            @Schema(nullable = true) UUID unitId,
            @Schema(nullable = true) String targetGroup) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"code", "name", "cases"})
    public record Village(
            String code,
            String name,
            @Schema(nullable = true) Integer residentHouseholds,
            @Schema(description = "Its cases in the period") int cases) {
    }
}
