package io.fanzha.reporting.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.fanzha.platform.period.Granularity;
import io.fanzha.platform.period.Period;

/**
 * The ISO weeks that weekly figures are summed over. A week belongs to the month, quarter or year that holds its
 * Thursday, as ISO-8601 gives a week to the year of its Thursday, so every week counts in exactly one period of each
 * form (docs/reports.md, "Weeks of a period").
 */
public final class Weeks {

    private Weeks() {
    }

    /** The weeks of a period; a week is its own, a day's is the week it falls in. */
    public static List<Period> of(Period period) {
        if (period.granularity() == Granularity.WEEK || period.granularity() == Granularity.DAY) {
            return List.of(Period.of(Granularity.WEEK, period.start()));
        }
        List<Period> weeks = new ArrayList<>();
        Period week = Period.of(Granularity.WEEK, period.start());
        while (!week.start().isAfter(period.end())) {
            if (period.contains(week.start().with(DayOfWeek.THURSDAY))) {
                weeks.add(week);
            }
            week = week.next();
        }
        return weeks;
    }

    /** The weeks that had ended before {@code day} began. */
    public static List<Period> endedBefore(List<Period> weeks, LocalDate day) {
        return weeks.stream().filter(week -> week.end().isBefore(day)).toList();
    }

    /** The same weeks one year earlier (week N of the previous week-year), each once. */
    public static List<Period> yearBefore(List<Period> weeks) {
        Set<Period> before = new LinkedHashSet<>();
        weeks.forEach(week -> before.add(week.yearOnYear()));
        return List.copyOf(before);
    }

    /** The {@code count} weeks ending with {@code last}, oldest first. */
    public static List<Period> ending(Period last, int count) {
        List<Period> weeks = new ArrayList<>(count);
        Period week = last;
        for (int i = 0; i < count; i++) {
            weeks.add(0, week);
            week = week.previous();
        }
        return weeks;
    }

    public static List<LocalDate> starts(List<Period> weeks) {
        return weeks.stream().map(Period::start).toList();
    }
}
