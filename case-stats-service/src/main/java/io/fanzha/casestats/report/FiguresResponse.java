package io.fanzha.casestats.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.contracts.CaseFigures;
import io.fanzha.platform.money.Money;

@Schema(description = "The figures of a case report at one moment; a null figure was not reported.")
public record FiguresResponse(
        @Schema(nullable = true) Integer cases,
        @Schema(nullable = true) Money loss,
        @Schema(nullable = true) Integer casesConcluded,
        @Schema(nullable = true) Integer defendants,
        @Schema(nullable = true) Integer heavySentences,
        @Schema(nullable = true) Money restitution,
        @Schema(nullable = true) Money fines) {

    /** No figures (before a creation, after a deletion) are all null. */
    static FiguresResponse of(CaseFigures figures) {
        if (figures == null) {
            return of(CaseFigures.NONE);
        }
        return new FiguresResponse(figures.cases(), CaseReportResponse.money(figures.loss()),
                figures.casesConcluded(), figures.defendants(), figures.heavySentences(),
                CaseReportResponse.money(figures.restitution()), CaseReportResponse.money(figures.fines()));
    }
}
