package io.fanzha.platform.bulk;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why one item of a bulk request was refused (a conflict) or stored with a remark (a warning). */
public record BulkConflict(
        @Schema(description = "0-based position among the submitted items") long index,
        @Schema(nullable = true, description = "1-based line of a CSV file (the header is line 1); null for JSON") Long line,
        @Schema(nullable = true, description = "The item's identifier as submitted (a region code, a record id)") String id,
        @Schema(description = "Stable code, e.g. region.parent-unknown") String code,
        @Schema(nullable = true, description = "The field at fault, if one is") String field,
        String message) {
}
