package io.fanzha.reporting.assessment;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One published version of a scheme, as it was published. */
@Schema(requiredProperties = {"code", "version", "regionCode", "name", "rules", "publishedBy", "publishedAt", "versions"},
        example = """
        {"code": "341825-2024", "version": 2, "regionCode": "341825", "name": "2024年防范电信网络诈骗宣传工作考核方案（修订）",
         "rules": {"weights": {"taskCompletion": 25, "coverage": 25, "reportingTimeliness": 10, "caseTrend": 15,
           "evidenceQuality": 25}, "coverageTargetPercent": 90, "caseTrendFullAtPercent": -10,
           "caseTrendZeroAtPercent": 10},
         "publishedBy": "county-admin", "publishedAt": "2024-03-01T09:00:00+08:00", "versions": [1, 2]}""")
public record Scheme(
        String code,
        int version,
        String regionCode,
        String name,
        SchemeRules rules,
        String publishedBy,
        OffsetDateTime publishedAt,
        @Schema(description = "Every version of the scheme, oldest first") List<Integer> versions) {
}
