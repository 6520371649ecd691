package io.fanzha.outreach.record;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fanzha.contracts.OutreachKind;
import io.fanzha.contracts.TargetGroup;

/** An outreach record as stored: the worker's content, who logged it, its review and whether it is voided. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "OutreachRecord", description = "An outreach record. Fields without a value (campaignId, taskId, "
        + "household, location, note, the review's comment, reviewer and time, evidenceExpected and evidenceMissing, "
        + "voidReason) are left out.",
        // What has no value is left out, not null: only these are always there.
        requiredProperties = { "id", "version", "kind", "occurredAt", "regionCode", "unitId", "targetGroup", "metrics",
            "worker", "reviewState", "voided", "evidenceReceived", "createdAt", "updatedAt" })
public record OutreachResponse(
        UUID id,
        @Schema(description = "Grows with every change; an edit names it as baseVersion") long version,
        OutreachKind kind,
        OffsetDateTime occurredAt,
        String regionCode,
        UUID unitId,
        UUID campaignId,
        UUID taskId,
        TargetGroup targetGroup,
        OutreachRequest.Metrics metrics,
        OutreachRequest.Household household,
        OutreachRequest.Location location,
        String note,
        @Schema(description = "Who logged it (the token's user)") String worker,
        @Schema(description = "The device it was last sent from") String deviceId,
        ReviewState reviewState,
        String reviewComment,
        String reviewedBy,
        OffsetDateTime reviewedAt,
        @Schema(description = "A voided record never counts") boolean voided,
        @Schema(description = "How many files its worker said would follow") Integer evidenceExpected,
        @Schema(description = "How many files are listed on it") int evidenceReceived,
        @Schema(description = "How many of the files said to follow are still missing (left out when none were said)")
        Integer evidenceMissing,
        String voidReason,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static OutreachResponse of(OutreachRecord record) {
        return new OutreachResponse(record.id, record.version, record.kind, record.occurredAt, record.regionCode,
                record.unitId, record.campaignId, record.taskId, record.targetGroup,
                new OutreachRequest.Metrics(record.materials, record.peopleReached, record.householdsReached,
                        record.appInstalls, record.receiptsReturned, record.questionsAnswered),
                record.householdRef == null ? null : new OutreachRequest.Household(record.householdRef, record.noticeSigned),
                record.latitude == null ? null : new OutreachRequest.Location(record.latitude, record.longitude),
                record.note, record.worker, record.deviceId, record.reviewState, record.reviewComment, record.reviewedBy,
                record.reviewedAt, record.voided, record.evidenceExpected, record.evidenceReceived,
                record.evidenceExpected == null ? null : Math.max(0, record.evidenceExpected - record.evidenceReceived),
                record.voidReason, record.createdAt, record.updatedAt);
    }
}
