package io.fanzha.platform.period;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period in Fanzha's one string form (docs/api.md, "Conventions"):
 * {@code 2024-01-15} (day), {@code 2024-W05} (ISO-8601 week: Monday start, numbered in its ISO week-based
 * year, so {@code 2025-W01} starts on 2024-12-30), {@code 2024-01} (month), {@code 2024-Q1} (quarter),
 * {@code 2024} (year). Only the years 1900..2999 are supported (for a week: its week-based year); reaching
 * outside them by parse, of, previous, next or yearOnYear throws {@link PeriodFormatException}.
 *
 * <p>Year-on-year is the same period one year earlier: ISO week N of the previous week-based year, the
 * same month, quarter or year, the same calendar day. Where that does not exist it maps to the last one
 * that does, so every period has exactly one counterpart: week 53 maps to week 52 when the previous
 * week-year has only 52 weeks (2020-W53 → 2019-W52, like 2020-W52), and 29 February maps to 28 February
 * (2024-02-29 → 2023-02-28).
 *
 * <p>Immutable; equal by value; ordered by start date, then from the finest granularity to the coarsest.
 * Jackson reads and writes it as its canonical string, so request and response records can hold it.
 */
public final class Period implements Comparable<Period> {

    /**
     * The shape of a period as a regular expression that Java and ECMA-262 read alike, for OpenAPI documents: it
     * accepts every period and refuses every other shape and year, but not the calendar's exceptions (2023-W53,
     * 2023-02-29), which only {@link #parse} knows. {@code PeriodTest} holds the two in step.
     */
    public static final String PATTERN = "^(19|2[0-9])[0-9]{2}(-(W(0[1-9]|[1-4][0-9]|5[0-3])|Q[1-4]|(0[1-9]|1[0-2])"
            + "(-(0[1-9]|[12][0-9]|3[01]))?))?$";

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2999;

    // Digits are spelled [0-9]: the canonical form is ASCII; quarter digit is loose so "Q5" gets its own message.
    private static final Pattern FORM = Pattern.compile(
            "([0-9]{4})(?:-(?:W([0-9]{2})|Q([0-9])|([0-9]{2})(?:-([0-9]{2}))?))?");
    private static final String EXPECTED =
            "expected 2024-W05 (ISO week), 2024-01 (month), 2024-Q1 (quarter), 2024 (year) or 2024-01-15 (day)";
    private static final Comparator<Period> ORDER =
            Comparator.comparing(Period::start).thenComparing(Period::granularity);

    private final Granularity granularity;
    private final LocalDate start;

    private Period(Granularity granularity, LocalDate start) {
        this.granularity = granularity;
        this.start = start;
        int year = granularity == Granularity.WEEK ? start.get(IsoFields.WEEK_BASED_YEAR) : start.getYear();
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new PeriodFormatException(toString(), outsideSupportedYears(year));
        }
    }

    /** Reads the canonical form strictly: no surrounding blanks, upper-case W and Q, real calendar values. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Period parse(String text) {
        if (text == null) {
            throw new PeriodFormatException(null, EXPECTED);
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new PeriodFormatException(text, EXPECTED);
        }
        int year = Integer.parseInt(m.group(1));
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new PeriodFormatException(text, outsideSupportedYears(year));
        }
        if (m.group(2) != null) {
            return parseWeek(text, year, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            int quarter = Integer.parseInt(m.group(3));
            if (quarter < 1 || quarter > 4) {
                throw new PeriodFormatException(text, "quarter " + quarter + " does not exist (Q1..Q4)");
            }
            return new Period(Granularity.QUARTER, LocalDate.of(year, 3 * quarter - 2, 1));
        }
        if (m.group(4) == null) {
            return new Period(Granularity.YEAR, LocalDate.of(year, 1, 1));
        }
        int month = Integer.parseInt(m.group(4));
        if (month < 1 || month > 12) {
            throw new PeriodFormatException(text, "month " + m.group(4) + " does not exist (01..12)");
        }
        if (m.group(5) == null) {
            return new Period(Granularity.MONTH, LocalDate.of(year, month, 1));
        }
        int day = Integer.parseInt(m.group(5));
        YearMonth yearMonth = YearMonth.of(year, month);
        if (day < 1 || day > yearMonth.lengthOfMonth()) {
            throw new PeriodFormatException(text, "day " + m.group(5) + " does not exist in " + yearMonth
                    + ", which has " + yearMonth.lengthOfMonth() + " days");
        }
        return new Period(Granularity.DAY, LocalDate.of(year, month, day));
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (PeriodFormatException e) {
            return false;
        }
    }

    /** The period of the given granularity that contains {@code date} (for WEEK, in the date's ISO week-year). */
    public static Period of(Granularity granularity, LocalDate date) {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(date, "date");
        return new Period(granularity, granularity.startOf(date));
    }

    public Granularity granularity() {
        return granularity;
    }

    public LocalDate start() {
        return start;
    }

    /** The last day of the period (inclusive). */
    public LocalDate end() {
        return granularity.shift(start, 1).minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end());
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end()) + 1;
    }

    public boolean overlaps(Period other) {
        return !other.start.isAfter(end()) && !start.isAfter(other.end());
    }

    /** The same period one year earlier; see the class comment for week 53 and 29 February. */
    public Period yearOnYear() {
        if (granularity != Granularity.WEEK) {
            return new Period(granularity, start.minusYears(1));
        }
        int previousYear = weekBasedYear() - 1;
        return week(previousYear, Math.min(week(), weeksIn(previousYear)));
    }

    public Period previous() {
        return new Period(granularity, granularity.shift(start, -1));
    }

    public Period next() {
        return new Period(granularity, granularity.shift(start, 1));
    }

    /** The canonical string form, which {@link #parse(String)} reads back to an equal period. */
    @JsonValue
    @Override
    public String toString() {
        return switch (granularity) {
            case DAY -> start.toString();
            case WEEK -> weekBasedYear() + "-W" + twoDigits(week());
            case MONTH -> start.getYear() + "-" + twoDigits(start.getMonthValue());
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() + 2) / 3);
            case YEAR -> Integer.toString(start.getYear());
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Period other && granularity == other.granularity && start.equals(other.start);
    }

    @Override
    public int hashCode() {
        return Objects.hash(granularity, start);
    }

    @Override
    public int compareTo(Period other) {
        return ORDER.compare(this, other);
    }

    private static Period parseWeek(String text, int weekBasedYear, int week) {
        int weeks = weeksIn(weekBasedYear);
        if (week < 1 || week > weeks) {
            throw new PeriodFormatException(text, "week " + twoDigits(week) + " does not exist in ISO week-year "
                    + weekBasedYear + ", which has " + weeks + " weeks");
        }
        return week(weekBasedYear, week);
    }

    private static Period week(int weekBasedYear, int week) {
        // 4 January is always in week 1, whose Monday may fall in the previous December.
        LocalDate firstMonday = LocalDate.of(weekBasedYear, 1, 4)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period(Granularity.WEEK, firstMonday.plusWeeks(week - 1L));
    }

    /** 52 or 53: 28 December is always in the last ISO week of its year. */
    static int weeksIn(int weekBasedYear) {
        return LocalDate.of(weekBasedYear, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    private int weekBasedYear() {
        return start.get(IsoFields.WEEK_BASED_YEAR);
    }

    private int week() {
        return start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    // Not String.format: its %d prints the default locale's digits, and the canonical form is ASCII.
    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static String outsideSupportedYears(int year) {
        return "year " + year + " is outside the supported years " + MIN_YEAR + ".." + MAX_YEAR;
    }
}
