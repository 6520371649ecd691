package io.fanzha.campaign.region;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import io.fanzha.platform.text.Text;

@Schema(description = "New name and denominators of a region; its code and parent never change.", example = """
        {"name": "某某村", "residentHouseholds": 432, "population": 1322}""")
public record RegionUpdate(
        @NotNull @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE)
        @CodePointLength(max = 100) @Schema(maxLength = 100) String name,
        @PositiveOrZero Integer residentHouseholds,
        @PositiveOrZero Integer population) {
}
