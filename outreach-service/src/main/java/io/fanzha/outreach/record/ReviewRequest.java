package io.fanzha.outreach.record;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An inspector's decision on a record", example = """
        {"state": "HAS_ISSUES", "comment": "照片未显示告知单签名"}""")
public record ReviewRequest(
        @Schema(description = "APPROVED, HAS_ISSUES or REJECTED (a faked record: it never counts)") @NotNull ReviewState state,
        @Schema(description = "Required unless APPROVED", maxLength = 2000) @Size(max = 2000) String comment) {
}
