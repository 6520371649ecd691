package io.fanzha.casestats.category;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import io.fanzha.platform.text.Text;

@Schema(description = "A category to add, or a category's new names and state (with the version it was read at). "
        + "A code never changes.", example = """
        {"code": "FAKE_REBATE_APP", "nameZh": "虚假返利APP", "nameEn": "Fake rebate apps", "focus": false}""")
public record FraudCategoryRequest(
        @Schema(description = "For a new category: its code, for good; for an update: absent or the same")
        @Pattern(regexp = Text.CODE, message = Text.CODE_MESSAGE) String code,
        @NotNull @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE)
        @CodePointLength(max = 100) @Schema(maxLength = 100) String nameZh,
        @NotNull @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE)
        @CodePointLength(max = 100) @Schema(maxLength = 100) String nameEn,
        @Schema(description = "A focus category of the campaign plans; defaults to false") Boolean focus,
        @Schema(description = "Defaults to true; false deactivates the category") Boolean active,
        @Schema(description = "For an update: the version you read; a newer stored version is 409 category.stale")
        Long version) {
}
