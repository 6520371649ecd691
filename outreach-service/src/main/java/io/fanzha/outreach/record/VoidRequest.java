package io.fanzha.outreach.record;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why a record no longer counts", example = """
        {"reason": "重复录入"}""")
public record VoidRequest(@Schema(maxLength = 500) @NotBlank @Size(max = 500) String reason) {
}
