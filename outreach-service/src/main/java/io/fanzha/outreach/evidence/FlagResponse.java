package io.fanzha.outreach.evidence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fanzha.contracts.OutreachKind;
import io.fanzha.outreach.record.OutreachRecord;
import io.fanzha.outreach.record.ReviewState;

/** A flagged record, with what an inspector needs to judge it without another call. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "EvidenceFlag", description = "A record whose file is also on another household's visit or on a record "
        + "of another day. householdRef is left out for records that are not door-to-door visits.",
        requiredProperties = { "recordId", "sha256", "reason", "flaggedAt", "names", "sharedWith", "regionCode", "unitId",
            "kind", "occurredAt", "worker", "reviewState", "voided" },
        example = """
                {"recordId": "7b0c2f7e-4c61-4f5e-9a4e-2f0d7d6b8a11",
                 "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                 "reason": "DIFFERENT_HOUSEHOLDS", "flaggedAt": "2024-01-16T09:12:00+08:00", "names": ["notice.jpg"],
                 "sharedWith": ["2d1f8e4a-0c3b-4d5e-8f9a-1b2c3d4e5f60"], "regionCode": "341825100201",
                 "unitId": "0d6f3c1a-9b2e-4f71-a1c4-5e8d2b7f9a30", "kind": "DOOR_TO_DOOR",
                 "occurredAt": "2024-01-15T10:30:00+08:00", "worker": "field-worker", "householdRef": "HH-0042",
                 "reviewState": "PENDING", "voided": false}""")
public record FlagResponse(
        UUID recordId,
        @Schema(description = "The shared file's SHA-256 (lower-case hex)") String sha256,
        @Schema(description = "DIFFERENT_HOUSEHOLDS (visits to two households) or DIFFERENT_DAYS (records of two days, "
                + "China time); the first when both hold") EvidenceFlag.Reason reason,
        OffsetDateTime flaggedAt,
        @Schema(description = "The names this file has on the record") List<String> names,
        @Schema(description = "The other records holding the same file, whether or not they are in your scope")
        List<UUID> sharedWith,
        String regionCode,
        UUID unitId,
        OutreachKind kind,
        OffsetDateTime occurredAt,
        String worker,
        String householdRef,
        @Schema(description = "The record's review: a flag does not change it, an inspector does") ReviewState reviewState,
        boolean voided) {

    static FlagResponse of(EvidenceFlag flag, OutreachRecord record, List<String> names, List<UUID> sharedWith) {
        return new FlagResponse(flag.recordId, flag.sha256, flag.reason, flag.flaggedAt, names, sharedWith,
                record.regionCode, record.unitId, record.kind, record.occurredAt, record.worker, record.householdRef,
                record.reviewState, record.voided);
    }
}
