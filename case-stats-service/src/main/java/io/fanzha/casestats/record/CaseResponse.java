package io.fanzha.casestats.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.contracts.AgeBand;
import io.fanzha.contracts.TargetGroup;
import io.fanzha.platform.money.Money;

@Schema(description = "A recorded fraud case.", example = """
        {"id": "6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b", "occurredOn": "2024-02-03", "regionCode": "341825100201",
         "category": "ONLINE_LOAN", "loss": "35000.00", "ageBand": "AGE_60_PLUS", "targetGroup": "ELDERLY",
         "unitId": null, "householdRef": "HH-0042", "recordedBy": "agency-demo",
         "updatedAt": "2024-02-05T09:00:00+08:00", "version": 0}""")
public record CaseResponse(
        UUID id,
        LocalDate occurredOn,
        String regionCode,
        String category,
        @Schema(nullable = true) Money loss,
        @Schema(nullable = true) AgeBand ageBand,
        @Schema(nullable = true) TargetGroup targetGroup,
        @Schema(nullable = true) UUID unitId,
        @Schema(nullable = true) String householdRef,
        String recordedBy,
        OffsetDateTime updatedAt,
        long version) {

    static CaseResponse of(CaseRecord record) {
        return new CaseResponse(record.id, record.occurredOn, record.regionCode, record.category,
                record.loss == null ? null : Money.of(record.loss), record.ageBand, record.targetGroup, record.unitId,
                record.householdRef, record.recordedBy, record.updatedAt, record.version);
    }
}
