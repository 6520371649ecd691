package io.fanzha.casestats.report;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One change of a case report: who made it, when, from which push, and the figures before and "
        + "after.", example = """
        {"regionCode": "341825100", "period": "2024-W05", "category": "ONLINE_LOAN", "action": "UPDATED",
         "oldValues": {"cases": 3, "loss": "125000.00", "casesConcluded": null, "defendants": null,
                       "heavySentences": null, "restitution": null, "fines": null},
         "newValues": {"cases": 4, "loss": "131000.00", "casesConcluded": null, "defendants": null,
                       "heavySentences": null, "restitution": null, "fines": null},
         "changedBy": "agency-demo", "changedAt": "2024-02-06T10:00:00+08:00",
         "importId": "1f0e2d3c-4b5a-4678-9a0b-1c2d3e4f5a6b"}""")
public record AuditEntryResponse(
        String regionCode,
        String period,
        String category,
        @Schema(description = "CREATED, UPDATED or DELETED") String action,
        @Schema(description = "All null for a creation") FiguresResponse oldValues,
        @Schema(description = "All null for a deletion") FiguresResponse newValues,
        String changedBy,
        OffsetDateTime changedAt,
        UUID importId) {

    static AuditEntryResponse of(CaseReportAudit entry) {
        return new AuditEntryResponse(entry.regionCode, entry.period, entry.category, entry.action,
                FiguresResponse.of(entry.oldValues), FiguresResponse.of(entry.newValues), entry.changedBy, entry.changedAt, entry.importId);
    }
}
