package io.fanzha.campaign.region;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.platform.region.ValidRegionCode;
import io.fanzha.platform.text.VisibleText;

@Schema(description = "A region to create.", example = """
        {"code": "341825100201", "name": "某某村", "parentCode": "341825100", "residentHouseholds": 420, "population": 1310}""")
public record RegionRequest(
        @Schema(description = "Statistical division code: 6 digits (county), 9 (township), 12 (village), 15 (grid).")
        @NotBlank @ValidRegionCode String code,
        @NotNull @VisibleText @Size(max = 100) String name,
        @Schema(description = "The parent's code; derived from the code when omitted, null for a county.")
        @ValidRegionCode String parentCode,
        @Schema(description = "Resident households, the denominator of door-to-door coverage.")
        @PositiveOrZero Integer residentHouseholds,
        @PositiveOrZero Integer population) {
}
