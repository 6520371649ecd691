package io.fanzha.platform.bulk;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of every bulk request (region import, outreach sync, case-report push; docs/api.md, "Bulk requests"):
 * how many items were stored new, changed, left as they were or deleted, and which were refused and why.
 */
@Schema(description = "The answer of a bulk request. status SUCCESS: all stored; WARNING: stored, with conflicts or "
        + "warnings; ERROR: nothing stored.", example = """
        {"status": "WARNING", "imported": 4998, "updated": 0, "ignored": 1, "deleted": 0, "conflictCount": 1,
         "conflicts": [{"index": 17, "line": 19, "id": "341825000201", "code": "request.invalid", "field": "code",
                        "message": "must be a region code: 2, 4, 6, 9, 12 or 15 digits, no zero segment"}],
         "warnings": []}""")
public record BulkAnswer(
        Status status,
        long imported,
        long updated,
        long ignored,
        long deleted,
        @Schema(description = "All conflicts; the list shows the first " + BulkConflicts.LISTED + " of them")
        long conflictCount,
        List<BulkConflict> conflicts,
        List<BulkConflict> warnings) {

    public enum Status {
        SUCCESS, WARNING, ERROR
    }
}
