package io.fanzha.campaign.goal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.contracts.OutreachKind;

@Schema(description = "A goal of a campaign.", example = """
        {"id": "7c1b2a3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "campaignId": "0b6f1c52-9a55-4d3e-8d7e-7f3f0b1d2c10",
         "metric": "COVERAGE", "categories": [], "regionCode": "341825", "period": null, "deadline": "2024-03-31",
         "targetChangePercent": null, "targetPercent": 100, "targetCount": null, "outreachKinds": [],
         "updatedAt": "2024-01-05T09:00:00+08:00", "version": 0}""")
public record GoalResponse(
        UUID id,
        UUID campaignId,
        GoalMetric metric,
        List<String> categories,
        String regionCode,
        @Schema(nullable = true, description = "A period such as 2024-Q1") String period,
        @Schema(nullable = true) LocalDate deadline,
        @Schema(nullable = true) Integer targetChangePercent,
        @Schema(nullable = true) Integer targetPercent,
        @Schema(nullable = true) Integer targetCount,
        List<OutreachKind> outreachKinds,
        OffsetDateTime updatedAt,
        long version) {

    static GoalResponse of(Goal goal) {
        return new GoalResponse(goal.id, goal.campaignId, goal.metric, goal.categories, goal.regionCode, goal.period,
                goal.deadline, goal.targetChangePercent, goal.targetPercent, goal.targetCount,
                goal.outreachKinds.stream().map(OutreachKind::valueOf).toList(), goal.updatedAt, goal.version);
    }
}
