package io.fanzha.reporting.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.reporting.readmodel.Freshness;
import io.fanzha.reporting.task.TaskProgress;

@Schema(description = "The progress of every task of a campaign, as of a day")
public record CampaignTasks(
        UUID campaignId,
        @Schema(example = "防范电信网络诈骗集中宣传活动") String theme,
        LocalDate asOf,
        @Schema(description = "Soonest deadline first") List<TaskProgress> tasks,
        Freshness freshness) {
}
