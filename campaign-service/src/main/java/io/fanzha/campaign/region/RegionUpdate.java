package io.fanzha.campaign.region;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.platform.text.VisibleText;

@Schema(description = "New name and denominators of a region; its code and parent never change.", example = """
        {"name": "某某村", "residentHouseholds": 432, "population": 1322}""")
public record RegionUpdate(
        @NotNull @VisibleText @Size(max = 100) String name,
        @PositiveOrZero Integer residentHouseholds,
        @PositiveOrZero Integer population) {
}
