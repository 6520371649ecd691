package io.fanzha.platform.period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The size of a {@link Period}, from the finest to the coarsest (the order {@link Period} sorts by). */
public enum Granularity {
    DAY,
    /** ISO-8601 week: Monday to Sunday, numbered within its ISO week-based year. */
    WEEK,
    MONTH,
    QUARTER,
    YEAR;

    /** The first day of the period of this granularity that contains {@code date}. */
    LocalDate startOf(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(date.getYear(), date.getMonth().firstMonthOfQuarter(), 1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    /** The start of the period {@code steps} periods after the one starting at {@code start}. */
    LocalDate shift(LocalDate start, long steps) {
        return switch (this) {
            case DAY -> start.plusDays(steps);
            case WEEK -> start.plusWeeks(steps);
            case MONTH -> start.plusMonths(steps);
            case QUARTER -> start.plusMonths(3 * steps);
            case YEAR -> start.plusYears(steps);
        };
    }
}
