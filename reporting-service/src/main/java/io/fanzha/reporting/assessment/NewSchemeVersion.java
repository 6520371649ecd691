package io.fanzha.reporting.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.platform.text.Text;

/** The next version of a scheme: its region stays, its name and rules are whatever this says. */
@Schema(example = """
        {"name": "2024年防范电信网络诈骗宣传工作考核方案（修订）",
         "rules": {"weights": {"taskCompletion": 25, "coverage": 25, "reportingTimeliness": 10, "caseTrend": 15,
           "evidenceQuality": 25}, "coverageTargetPercent": 90, "caseTrendFullAtPercent": -10,
           "caseTrendZeroAtPercent": 10}}""")
public record NewSchemeVersion(
        @NotNull @Size(max = 200) @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE) String name,
        @NotNull @Valid SchemeRules rules) {
}
