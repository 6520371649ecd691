package io.fanzha.reporting.assessment;

import java.time.LocalDate;

import io.fanzha.platform.period.Period;

/**
 * What an assessment looks at: a period, judged as of a day. Work counts from the period's first day to its last
 * or to {@code asOf}, whichever comes first; weekly figures and reporting deadlines count once they are past by
 * {@code asOf}.
 */
record Window(Period period, LocalDate asOf) {

    LocalDate from() {
        return period.start();
    }

    LocalDate to() {
        return asOf.isBefore(period.end()) ? asOf : period.end();
    }
}
