package io.fanzha.outreach.spotcheck;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.platform.period.Period;
import io.fanzha.platform.region.RegionCode;

@Schema(description = "What to sample: the household visits of a subtree in a period, a percentage of each village's "
        + "with a minimum per village and per worker. The same seed over the same visits draws the same sample.",
        example = """
        {"within": "341825100", "period": "2024-01", "percent": 10, "minimumPerVillage": 2, "minimumPerWorker": 1,
         "seed": 20240201}""")
public record SpotCheckRequest(
        @Schema(description = "Root of the subtree, in your scope")
        @NotNull @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.MESSAGE) String within,
        @Schema(description = "When the visits happened (China time)")
        @NotNull @Pattern(regexp = Period.PATTERN, message = "must be a period such as 2024-W05, 2024-01, 2024-Q1 or 2024")
        String period,
        @Schema(description = "Share of each village's visits, rounded up") @NotNull @Min(1) @Max(100) Integer percent,
        @Schema(description = "At least this many per village (or all it has); default 0") @Min(0) @Max(1000)
        Integer minimumPerVillage,
        @Schema(description = "At least this many per worker (or all they have); default 0") @Min(0) @Max(1000)
        Integer minimumPerWorker,
        @Schema(description = "Chosen at random when left out; answered, so that anyone can draw the sample again")
        Long seed) {
}
