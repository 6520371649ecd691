package io.fanzha.campaign.task;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.contracts.OutreachKind;

@Schema(description = "A task of a campaign.", example = """
        {"id": "3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d", "campaignId": "0b6f1c52-9a55-4d3e-8d7e-7f3f0b1d2c10",
         "title": "每个社区、小区、单位出入口张贴反诈标语和海报", "kind": "SOCIAL_FACE", "unitIds": [],
         "regionCode": "341825", "deadline": "2024-01-31", "quotaCount": 1500, "quotaKinds": ["POSTER"],
         "quotaCoveragePercent": null, "notes": null, "updatedAt": "2024-01-05T09:00:00+08:00", "version": 0}""")
public record TaskResponse(
        UUID id,
        UUID campaignId,
        String title,
        TaskKind kind,
        List<UUID> unitIds,
        String regionCode,
        LocalDate deadline,
        @Schema(nullable = true) Integer quotaCount,
        List<OutreachKind> quotaKinds,
        @Schema(nullable = true) Integer quotaCoveragePercent,
        @Schema(nullable = true) String notes,
        OffsetDateTime updatedAt,
        long version) {

    static TaskResponse of(Task task) {
        return new TaskResponse(task.id, task.campaignId, task.title, task.kind, task.unitIds, task.regionCode,
                task.deadline, task.quotaCount, task.quotaKinds.stream().map(OutreachKind::valueOf).toList(),
                task.quotaCoveragePercent, task.notes, task.updatedAt, task.version);
    }
}
