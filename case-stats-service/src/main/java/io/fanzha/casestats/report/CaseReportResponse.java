package io.fanzha.casestats.report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.platform.money.Money;

@Schema(description = "A stored case report. A null figure was not reported.", example = """
        {"regionCode": "341825100", "period": "2024-W05", "category": "ONLINE_LOAN", "cases": 3, "loss": "125000.00",
         "casesConcluded": null, "defendants": null, "heavySentences": null, "restitution": null, "fines": null,
         "warning": null, "updatedBy": "agency-demo", "updatedAt": "2024-02-05T09:00:00+08:00", "version": 0}""")
public record CaseReportResponse(
        String regionCode,
        String period,
        String category,
        @Schema(nullable = true) Integer cases,
        @Schema(nullable = true) Money loss,
        @Schema(nullable = true) Integer casesConcluded,
        @Schema(nullable = true) Integer defendants,
        @Schema(nullable = true, description = "Sentences of five years or more") Integer heavySentences,
        @Schema(nullable = true) Money restitution,
        @Schema(nullable = true) Money fines,
        @Schema(nullable = true, description = "Why the figures look implausible against the region's history "
                + "(more than ten times the median of the twelve weeks before), when they do") String warning,
        @Schema(description = "Who pushed the last change: the token's user or client") String updatedBy,
        OffsetDateTime updatedAt,
        long version) {

    static CaseReportResponse of(CaseReport report) {
        return new CaseReportResponse(report.regionCode, report.period, report.category, report.cases,
                money(report.loss), report.casesConcluded, report.defendants, report.heavySentences,
                money(report.restitution), money(report.fines), report.warning, report.updatedBy, report.updatedAt, report.version);
    }

    static Money money(BigDecimal amount) {
        return amount == null ? null : Money.of(amount);
    }
}
