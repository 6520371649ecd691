package io.fanzha.campaign.region;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.text.Text;

@Schema(description = "A region to create.", example = """
        {"code": "341825100201", "name": "某某村", "parentCode": "341825100", "residentHouseholds": 420, "population": 1310}""")
public record RegionRequest(
        @Schema(description = "Statistical division code: 2 digits (province), 4 (prefecture), 6 (county), 9 (township), "
                + "12 (village), 15 (grid).")
        @NotNull @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.MESSAGE) String code,
        @NotNull @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE)
        @CodePointLength(max = 100) @Schema(maxLength = 100) String name,
        @Schema(description = "The parent's code, which follows from the code; when given, it must be that one.")
        @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.MESSAGE) String parentCode,
        @Schema(description = "Resident households, the denominator of door-to-door coverage.")
        @PositiveOrZero Integer residentHouseholds,
        @PositiveOrZero Integer population) {
}
