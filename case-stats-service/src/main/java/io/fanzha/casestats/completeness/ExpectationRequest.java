package io.fanzha.casestats.completeness;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import io.fanzha.platform.period.Granularity;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.region.RegionLevel;
import io.fanzha.platform.text.Text;

@Schema(description = "Who is expected to report: the regions of a level below a root, in periods of a form, by a "
        + "reporter, within days after each period ends.", example = """
        {"regionCode": "341825", "level": "VILLAGE", "granularity": "WEEK", "reporter": "agency-demo",
         "deadlineDays": 2}""")
public record ExpectationRequest(
        @Schema(description = "The root of the subtree whose regions report")
        @NotNull @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.MESSAGE) String regionCode,
        @Schema(description = "Which regions below the root report: TOWNSHIP, VILLAGE, …") @NotNull RegionLevel level,
        @Schema(description = "The period form they report in; defaults to WEEK") Granularity granularity,
        @NotNull @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE) @CodePointLength(max = 100)
        @Schema(maxLength = 100, description = "The client (or user) expected to push the figures, as its token names it")
        String reporter,
        @Schema(description = "Days after a period ends by which its figures are due (0 to 90)")
        @NotNull @Min(0) @Max(90) Integer deadlineDays,
        @Schema(description = "For an update: the version you read; a newer stored version is 409 expectation.stale")
        Long version) {
}
