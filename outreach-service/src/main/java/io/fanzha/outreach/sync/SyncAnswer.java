package io.fanzha.outreach.sync;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fanzha.outreach.record.OutreachResponse;
import io.fanzha.outreach.record.OutreachWriter;
import io.fanzha.platform.bulk.BulkAnswer;
import io.fanzha.platform.bulk.BulkConflict;

/** The bulk answer (docs/api.md, "Bulk requests") with each record's result. */
@Schema(description = "The bulk answer of a sync: CREATED counts as imported, UPDATED as updated, UNCHANGED as ignored, "
        + "CONFLICT and REJECTED as conflicts; results has one entry per record, in order.", example = """
        {"status": "WARNING", "imported": 1, "updated": 0, "ignored": 1, "deleted": 0, "conflictCount": 1,
         "conflicts": [{"index": 2, "line": null, "id": "2d1f8a60-93b4-4c2e-8d7f-6e5a4b3c2d1e", "code": "sync.stale", "field": null, "message": "Record 2d1f8a60-93b4-4c2e-8d7f-6e5a4b3c2d1e changed since version 1 (it is at version 2): reapply your edit to it."}],
         "warnings": [],
         "results": [{"index": 0, "id": "7b0c2f7e-4c61-4f5e-9a4e-2f0d7d6b8a11", "outcome": "CREATED", "version": 1},
                     {"index": 1, "id": "9a3e5d21-0b7c-4e8f-a1d2-3c4b5a697887", "outcome": "UNCHANGED", "version": 3},
                     {"index": 2, "id": "2d1f8a60-93b4-4c2e-8d7f-6e5a4b3c2d1e", "outcome": "CONFLICT", "version": 2, "code": "sync.stale",
                      "message": "Record 2d1f8a60-93b4-4c2e-8d7f-6e5a4b3c2d1e changed since version 1 (it is at version 2): reapply your edit to it."}]}""")
public record SyncAnswer(
        BulkAnswer.Status status,
        long imported,
        long updated,
        long ignored,
        long deleted,
        long conflictCount,
        List<BulkConflict> conflicts,
        List<BulkConflict> warnings,
        List<Result> results) {

    /** One record's result; for a conflict, the stored record as it is now. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SyncResult", requiredProperties = { "index", "outcome" })
    public record Result(int index, UUID id, OutreachWriter.Outcome outcome,
            @Schema(description = "The record's version now (for a conflict, the stored one)") Long version,
            String code, String field, String message,
            @Schema(description = "For a CONFLICT: the stored record, to reapply the edit to") OutreachResponse current) {
    }
}
