package io.fanzha.reporting.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.reporting.goal.GoalAttainment;
import io.fanzha.reporting.readmodel.Freshness;

@Schema(description = "The attainment of every goal of a campaign, as of a day")
public record CampaignAttainment(
        UUID campaignId,
        @Schema(example = "防范电信网络诈骗集中宣传活动") String theme,
        @Schema(example = "341825") String regionCode,
        LocalDate asOf,
        @Schema(description = "In the order they were set") List<GoalAttainment> goals,
        Freshness freshness) {
}
