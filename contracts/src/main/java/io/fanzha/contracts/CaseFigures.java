package io.fanzha.contracts;

import java.math.BigDecimal;

/**
 * The figures of one case report (region, period, fraud category): police counts (cases, loss in CNY) and court
 * outcomes. A null figure was not reported, never 0.
 */
public record CaseFigures(
        Integer cases,
        BigDecimal loss,
        Integer casesConcluded,
        Integer defendants,
        Integer heavySentences,
        BigDecimal restitution,
        BigDecimal fines) {

    public static final CaseFigures NONE = new CaseFigures(null, null, null, null, null, null, null);
}
