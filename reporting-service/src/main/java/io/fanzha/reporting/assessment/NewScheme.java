package io.fanzha.reporting.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.text.Text;

/** A scheme published for the first time: its version 1. */
@Schema(example = """
        {"code": "341825-2024", "regionCode": "341825", "name": "2024年防范电信网络诈骗宣传工作考核方案",
         "rules": {"weights": {"taskCompletion": 30, "coverage": 25, "reportingTimeliness": 15, "caseTrend": 15,
           "evidenceQuality": 15}, "coverageTargetPercent": 100, "caseTrendFullAtPercent": -10,
           "caseTrendZeroAtPercent": 10}}""")
public record NewScheme(
        @Schema(description = "Its name in paths: letters, digits, '-' and '_'", example = "341825-2024")
        @NotNull @Pattern(regexp = CODE, message = "must be 1 to 40 letters, digits, '-' or '_'") String code,
        @Schema(description = "The region it assesses: the units of its subtree")
        @NotNull @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.MESSAGE) String regionCode,
        @NotNull @Size(max = 200) @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE) String name,
        @NotNull @Valid SchemeRules rules) {

    public static final String CODE = "^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$";
}
