package io.fanzha.outreach.spotcheck;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What the revisit of a sampled household found", example = """
        {"result": "DENIED", "note": "户主称1月无人上门"}""")
public record RevisitRequest(@NotNull RevisitResult result, @Schema(maxLength = 2000) @Size(max = 2000) String note) {
}
