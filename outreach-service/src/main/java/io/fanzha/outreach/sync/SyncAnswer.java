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
         "conflicts": [{"index": 2, "id": "2d1f…", "code": "sync.stale", "message": "Record 2d1f… changed since version 1 (it is at version 2): reapply your edit to it."}],
         "warnings": [],
         "results": [{"index": 0, "id": "7b0c…", "outcome": "CREATED", "version": 1},
                     {"index": 1, "id": "9a3e…", "outcome": "UNCHANGED", "version": 3},
                     {"index": 2, "id": "2d1f…", "outcome": "CONFLICT", "version": 2, "code": "sync.stale",
                      "message": "…", "current": {"id": "2d1f…", "version": 2, "…": "…"}}]}""")
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
