package io.fanzha.outreach.record;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.platform.text.Text;

@Schema(description = "Why a record no longer counts", example = """
        {"reason": "重复录入"}""")
public record VoidRequest(@Schema(maxLength = 500) @NotNull @Size(max = 500)
        @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE) String reason) {
}
