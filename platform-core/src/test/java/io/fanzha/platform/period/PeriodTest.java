package io.fanzha.platform.period;

import static io.fanzha.platform.period.Granularity.DAY;
import static io.fanzha.platform.period.Granularity.MONTH;
import static io.fanzha.platform.period.Granularity.QUARTER;
import static io.fanzha.platform.period.Granularity.WEEK;
import static io.fanzha.platform.period.Granularity.YEAR;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    private static Period p(String text) {
        return Period.parse(text);
    }

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Nested
    class Parsing {

        @ParameterizedTest(name = "{0} is a {1} from {2} to {3}, {4} days")
        @CsvSource({
            "2024-01-15, DAY,     2024-01-15, 2024-01-15, 1",
            "2024-W05,   WEEK,    2024-01-29, 2024-02-04, 7",
            "2024-01,    MONTH,   2024-01-01, 2024-01-31, 31",
            "2024-Q1,    QUARTER, 2024-01-01, 2024-03-31, 91",
            "2024,       YEAR,    2024-01-01, 2024-12-31, 366",
            "1900,       YEAR,    1900-01-01, 1900-12-31, 365",
            "2999,       YEAR,    2999-01-01, 2999-12-31, 365",
            "1900-01-01, DAY,     1900-01-01, 1900-01-01, 1",
            "2999-12-31, DAY,     2999-12-31, 2999-12-31, 1",
            "1900-W01,   WEEK,    1900-01-01, 1900-01-07, 7",
            "2999-W01,   WEEK,    2998-12-31, 2999-01-06, 7",
            "2999-W52,   WEEK,    2999-12-23, 2999-12-29, 7",
        })
        void readsEachForm(String text, Granularity granularity, LocalDate start, LocalDate end, long days) {
            Period period = p(text);
            assertAll(
                    () -> assertEquals(granularity, period.granularity()),
                    () -> assertEquals(start, period.start()),
                    () -> assertEquals(end, period.end()),
                    () -> assertEquals(days, period.days()),
                    () -> assertEquals(text, period.toString()),
                    () -> assertTrue(Period.isValid(text)));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "2024-01-15", "2024-02-29", "2000-02-29", "2023-12-31", "2024-W01", "2024-W09", "2024-W52", "2020-W53",
            "2026-W53", "2025-W01", "2024-01", "2024-12", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2024", "1900",
            "2999", "1900-01", "2999-12", "1900-Q1", "2999-Q4"
        })
        void roundTripsThroughItsCanonicalForm(String text) {
            Period period = p(text);
            assertEquals(text, period.toString());
            assertEquals(period, p(period.toString()));
        }

        @ParameterizedTest(name = "[{0}]")
        @NullAndEmptySource
        @ValueSource(strings = {
            // the cases the platform promises to refuse
            "2024-W00", "2024-W54", "2023-W53", "2024-13", "2024-Q5", "2024-02-30", " 2024", "24", "2024-w05",
            "2024-q1", "   ", "1899", "3000", "0000", "1899-12-31", "3000-01-01", "1899-W52", "3000-W01", "1899-Q4",
            "3000-01",
            // 53rd weeks of 52-week years, impossible calendar values
            "2019-W53", "2021-W53", "2022-W53", "2024-W53", "2025-W53", "2027-W53", "2024-W99", "2024-00",
            "2024-00-10", "2024-01-00", "2024-01-32", "2024-04-31", "2023-02-29", "2100-02-29", "1900-02-29",
            "2024-Q0", "2024-Q9",
            // not the canonical shape
            "2024 ", "2024\n", "\t2024", "2024-1", "2024-01-1", "2024-1-15", "2024-W5", "2024-W005", "2024-Q",
            "2024-Q01", "2024-Q1-1", "2024-H1", "2024-W05-1", "2024W05", "2024Q1", "20240115", "2024/01/15",
            "2024-01-15T00:00", "2024-01-15Z", "+2024", "-2024", "12024", "2024-", "-W05", "W05", "Q1", "2024--01",
            "2024.01", "２０２４", "١٩٩٩", "2024-０1", "2024-W0５", "2024–01", "2024-01 ", "abc", "null"
        })
        void rejectsWhatIsNotAPeriod(String text) {
            PeriodFormatException e = assertThrows(PeriodFormatException.class, () -> Period.parse(text));
            assertEquals(text, e.text());
            assertFalse(e.getMessage().isBlank());
            assertFalse(Period.isValid(text));
        }

        /** The OpenAPI pattern never refuses a period: every day, week, month, quarter and year of 1900..2999. */
        @Test
        void thePatternAcceptsEveryPeriod() {
            Pattern pattern = Pattern.compile(Period.PATTERN);
            for (LocalDate day = d("1900-01-01"); day.getYear() <= Period.MAX_YEAR; day = day.plusDays(1)) {
                for (Granularity granularity : Granularity.values()) {
                    if (granularity != Granularity.WEEK || day.getYear() < Period.MAX_YEAR) {
                        String text = Period.of(granularity, day).toString();
                        assertTrue(pattern.matcher(text).matches(), text);
                    }
                }
            }
        }

        /** ... and refuses every shape and year that is not one, leaving only the calendar's exceptions to parse. */
        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {
            "", "2024-W00", "2024-W54", "2024-13", "2024-Q5", " 2024", "24", "2024-w05", "2024-q1", "1899", "3000",
            "0000", "1899-12-31", "3000-01-01", "3000-W01", "2024-W99", "2024-00", "2024-00-10", "2024-01-00",
            "2024-01-32", "2024-Q0", "2024 ", "2024\n", "2024-1", "2024-01-1", "2024-W5", "2024-Q01", "2024-H1",
            "2024-W05-1", "2024W05", "20240115", "2024-01-15T00:00", "+2024", "12024", "2024-", "２０２４", "2024–01"
        })
        void thePatternRefusesWhatIsNotAPeriodsShape(String text) {
            assertFalse(Pattern.compile(Period.PATTERN).matcher(text).matches());
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', value = {
            "2023-W53   | week 53 does not exist in ISO week-year 2023, which has 52 weeks",
            "2024-W00   | week 00 does not exist in ISO week-year 2024, which has 52 weeks",
            "2024-13    | month 13 does not exist",
            "2024-Q5    | quarter 5 does not exist",
            "2024-02-30 | day 30 does not exist in 2024-02, which has 29 days",
            "2100-02-29 | day 29 does not exist in 2100-02, which has 28 days",
            "1899       | year 1899 is outside the supported years 1900..2999",
            "3000-W01   | year 3000 is outside the supported years 1900..2999",
            "2024-w05   | expected 2024-W05 (ISO week), 2024-01 (month), 2024-Q1 (quarter)",
        })
        void explainsWhatIsWrong(String text, String reason) {
            PeriodFormatException e = assertThrows(PeriodFormatException.class, () -> Period.parse(text));
            assertTrue(e.getMessage().startsWith("Invalid period '" + text + "': "), e.getMessage());
            assertTrue(e.getMessage().contains(reason), e.getMessage());
        }

        @Test
        void namesAMissingPeriod() {
            PeriodFormatException e = assertThrows(PeriodFormatException.class, () -> Period.parse(null));
            assertNull(e.text());
            assertTrue(e.getMessage().startsWith("Missing period: expected 2024-W05"), e.getMessage());
        }

        @Test
        void keepsHugeInputOutOfTheMessageButInTheException() {
            String huge = "2024-".repeat(1000);
            PeriodFormatException e = assertThrows(PeriodFormatException.class, () -> Period.parse(huge));
            assertEquals(huge, e.text());
            assertTrue(e.getMessage().length() < 200, e.getMessage());
        }

        @Test
        void isAnIllegalArgument() {
            assertInstanceOf(IllegalArgumentException.class, new PeriodFormatException("x", "y"));
        }
    }

    @Nested
    class IsoWeeks {

        @ParameterizedTest(name = "{0} starts on {1}, so its week 1 starts on {2}")
        @CsvSource({
            "2024, MONDAY,    2024-01-01",
            "2019, TUESDAY,   2018-12-31",
            "2025, WEDNESDAY, 2024-12-30",
            "2020, WEDNESDAY, 2019-12-30",
            "2026, THURSDAY,  2025-12-29",
            "2015, THURSDAY,  2014-12-29",
            "2004, THURSDAY,  2003-12-29",
            "2009, THURSDAY,  2008-12-29",
            "2021, FRIDAY,    2021-01-04",
            "2027, FRIDAY,    2027-01-04",
            "2022, SATURDAY,  2022-01-03",
            "2023, SUNDAY,    2023-01-02",
        })
        void weekOneIsTheWeekHoldingTheFirstThursday(int year, DayOfWeek newYearsDay, LocalDate weekOneStart) {
            assertEquals(newYearsDay, LocalDate.of(year, 1, 1).getDayOfWeek(), "fixture");
            Period weekOne = p(year + "-W01");
            assertEquals(weekOneStart, weekOne.start());
            assertEquals(DayOfWeek.MONDAY, weekOne.start().getDayOfWeek());
            assertEquals(DayOfWeek.THURSDAY, weekOne.start().plusDays(3).getDayOfWeek());
            assertEquals(year, weekOne.start().plusDays(3).getYear(), "the Thursday of week 1 is in its year");
        }

        @ParameterizedTest(name = "{0}-W53 runs {1}..{2}")
        @CsvSource({
            "2004, 2004-12-27, 2005-01-02",
            "2009, 2009-12-28, 2010-01-03",
            "2015, 2015-12-28, 2016-01-03",
            "2020, 2020-12-28, 2021-01-03",
            "2026, 2026-12-28, 2027-01-03",
            "2032, 2032-12-27, 2033-01-02",
        })
        void fiftyThreeWeekYears(int year, LocalDate start, LocalDate end) {
            Period last = p(year + "-W53");
            assertEquals(start, last.start());
            assertEquals(end, last.end());
            assertEquals(p((year + 1) + "-W01"), last.next());
            assertEquals(53, Period.weeksIn(year));
        }

        @ParameterizedTest(name = "{0} has 52 weeks")
        @ValueSource(ints = {1900, 2019, 2021, 2022, 2023, 2024, 2025, 2027, 2100, 2999})
        void fiftyTwoWeekYears(int year) {
            assertEquals(52, Period.weeksIn(year));
            assertTrue(Period.isValid(year + "-W52"));
            assertFalse(Period.isValid(year + "-W53"));
            // the day after week 52 opens week 1 of the next week-year
            assertEquals(1, p(year + "-W52").end().plusDays(1).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }

        @Test
        void aYearHas53WeeksExactlyWhenItStartsOnThursdayOrIsALeapYearStartingOnWednesday() {
            for (int year = Period.MIN_YEAR; year <= Period.MAX_YEAR; year++) {
                DayOfWeek first = LocalDate.of(year, 1, 1).getDayOfWeek();
                boolean long53 = first == DayOfWeek.THURSDAY || Year.isLeap(year) && first == DayOfWeek.WEDNESDAY;
                assertEquals(long53, Period.isValid(year + "-W53"), "year " + year);
            }
        }

        @ParameterizedTest(name = "{0} is in {1}")
        @CsvSource({
            "2021-01-01, 2020-W53",
            "2021-01-03, 2020-W53",
            "2021-01-04, 2021-W01",
            "2024-12-29, 2024-W52",
            "2024-12-30, 2025-W01",
            "2024-12-31, 2025-W01",
            "2025-01-05, 2025-W01",
            "2019-12-31, 2020-W01",
            "2022-01-01, 2021-W52",
            "2023-01-01, 2022-W52",
            "2023-01-02, 2023-W01",
            "2026-01-01, 2026-W01",
            "2027-01-03, 2026-W53",
            "2024-02-29, 2024-W09",
            "2024-01-29, 2024-W05",
            "2024-02-04, 2024-W05",
            "1900-01-01, 1900-W01",
            "2998-12-31, 2999-W01",
            "2999-12-29, 2999-W52",
        })
        void ofWeekUsesTheIsoWeekYear(LocalDate date, String week) {
            Period period = Period.of(WEEK, date);
            assertEquals(week, period.toString());
            assertTrue(period.contains(date));
        }

        @Test
        void theLastDaysOf2999BelongToWeekYear3000AndAreOutOfRange() {
            PeriodFormatException e = assertThrows(PeriodFormatException.class, () -> Period.of(WEEK, d("2999-12-30")));
            assertEquals("3000-W01", e.text());
        }
    }

    @Nested
    class CalendarEdges {

        @ParameterizedTest(name = "{0} runs {1}..{2} ({3} days)")
        @CsvSource({
            "2024-Q1, 2024-01-01, 2024-03-31, 91",
            "2023-Q1, 2023-01-01, 2023-03-31, 90",
            "2100-Q1, 2100-01-01, 2100-03-31, 90",
            "2000-Q1, 2000-01-01, 2000-03-31, 91",
            "2024-Q2, 2024-04-01, 2024-06-30, 91",
            "2024-Q3, 2024-07-01, 2024-09-30, 92",
            "2024-Q4, 2024-10-01, 2024-12-31, 92",
            "2024-01, 2024-01-01, 2024-01-31, 31",
            "2024-02, 2024-02-01, 2024-02-29, 29",
            "2023-02, 2023-02-01, 2023-02-28, 28",
            "2000-02, 2000-02-01, 2000-02-29, 29",
            "2100-02, 2100-02-01, 2100-02-28, 28",
            "1900-02, 1900-02-01, 1900-02-28, 28",
            "2024-04, 2024-04-01, 2024-04-30, 30",
            "2024-12, 2024-12-01, 2024-12-31, 31",
            "2024,    2024-01-01, 2024-12-31, 366",
            "2023,    2023-01-01, 2023-12-31, 365",
            "2000,    2000-01-01, 2000-12-31, 366",
            "2100,    2100-01-01, 2100-12-31, 365",
            "2024-02-29, 2024-02-29, 2024-02-29, 1",
            "2000-02-29, 2000-02-29, 2000-02-29, 1",
        })
        void startEndAndLength(String text, LocalDate start, LocalDate end, long days) {
            Period period = p(text);
            assertEquals(start, period.start());
            assertEquals(end, period.end());
            assertEquals(days, period.days());
            assertTrue(period.contains(start));
            assertTrue(period.contains(end));
            assertFalse(period.contains(start.minusDays(1)));
            assertFalse(period.contains(end.plusDays(1)));
        }

        @ParameterizedTest(name = "{1} of {0} is {2}")
        @CsvSource({
            "2024-02-29, DAY,     2024-02-29",
            "2024-01-31, MONTH,   2024-01",
            "2024-02-29, MONTH,   2024-02",
            "2024-03-01, MONTH,   2024-03",
            "2024-01-01, QUARTER, 2024-Q1",
            "2024-03-31, QUARTER, 2024-Q1",
            "2024-04-01, QUARTER, 2024-Q2",
            "2024-06-30, QUARTER, 2024-Q2",
            "2024-07-01, QUARTER, 2024-Q3",
            "2024-09-30, QUARTER, 2024-Q3",
            "2024-10-01, QUARTER, 2024-Q4",
            "2024-12-31, QUARTER, 2024-Q4",
            "2024-12-31, YEAR,    2024",
            "2025-01-01, YEAR,    2025",
            "2024-12-30, YEAR,    2024",
        })
        void ofCalendarGranularities(LocalDate date, Granularity granularity, String expected) {
            assertEquals(p(expected), Period.of(granularity, date));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Granularity.class)
        void ofRefusesDatesOutsideTheSupportedYears(Granularity granularity) {
            assertThrows(PeriodFormatException.class, () -> Period.of(granularity, d("1899-12-25")));
            assertThrows(PeriodFormatException.class, () -> Period.of(granularity, d("3000-01-08")));
        }

        @Test
        void ofNeedsAGranularityAndADate() {
            assertThrows(NullPointerException.class, () -> Period.of(null, d("2024-01-01")));
            assertThrows(NullPointerException.class, () -> Period.of(DAY, null));
        }
    }

    @Nested
    class Navigation {

        @ParameterizedTest(name = "{0} a year earlier is {1}")
        @CsvSource({
            "2024-01-15, 2023-01-15",
            "2024-02-29, 2023-02-28",
            "2025-02-28, 2024-02-28",
            "2025-03-01, 2024-03-01",
            "2000-02-29, 1999-02-28",
            "2024-W05,   2023-W05",
            "2024-W01,   2023-W01",
            "2025-W01,   2024-W01",
            "2021-W01,   2020-W01",
            "2021-W52,   2020-W52",
            "2020-W52,   2019-W52",
            "2020-W53,   2019-W52",
            "2026-W53,   2025-W52",
            "2004-W53,   2003-W52",
            "2016-W52,   2015-W52",
            "2024-01,    2023-01",
            "2024-02,    2023-02",
            "2024-12,    2023-12",
            "2024-Q1,    2023-Q1",
            "2024-Q4,    2023-Q4",
            "2024,       2023",
            "1901,       1900",
        })
        void yearOnYear(String period, String lastYear) {
            assertEquals(p(lastYear), p(period).yearOnYear());
        }

        @Test
        void yearOnYearOfAWeekKeepsItsNumberUnlessTheWeekDoesNotExist() {
            for (int year = Period.MIN_YEAR + 1; year <= Period.MAX_YEAR; year++) {
                for (int week = 1; week <= Period.weeksIn(year); week++) {
                    Period lastYear = p(year + "-W" + (week < 10 ? "0" + week : week)).yearOnYear();
                    int expectedWeek = Math.min(week, Period.weeksIn(year - 1));
                    assertEquals(year - 1, lastYear.start().get(IsoFields.WEEK_BASED_YEAR));
                    assertEquals(expectedWeek, lastYear.start().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                }
            }
        }

        @ParameterizedTest(name = "{0} comes after {1} and before {2}")
        @CsvSource({
            "2024-01-01, 2023-12-31, 2024-01-02",
            "2024-02-29, 2024-02-28, 2024-03-01",
            "2023-03-01, 2023-02-28, 2023-03-02",
            "2024-12-31, 2024-12-30, 2025-01-01",
            "2025-W01,   2024-W52,   2025-W02",
            "2021-W01,   2020-W53,   2021-W02",
            "2020-W53,   2020-W52,   2021-W01",
            "2024-W52,   2024-W51,   2025-W01",
            "2026-W53,   2026-W52,   2027-W01",
            "2024-01,    2023-12,    2024-02",
            "2024-12,    2024-11,    2025-01",
            "2024-Q1,    2023-Q4,    2024-Q2",
            "2024-Q4,    2024-Q3,    2025-Q1",
            "2024,       2023,       2025",
        })
        void previousAndNext(String period, String previous, String next) {
            assertEquals(p(previous), p(period).previous());
            assertEquals(p(next), p(period).next());
            assertEquals(p(period), p(previous).next());
            assertEquals(p(period), p(next).previous());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1900", "1900-Q1", "1900-01", "1900-W01", "1900-01-01"})
        void nothingBeforeTheFirstSupportedYear(String first) {
            assertThrows(PeriodFormatException.class, () -> p(first).previous());
            assertThrows(PeriodFormatException.class, () -> p(first).yearOnYear());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2999", "2999-Q4", "2999-12", "2999-W52", "2999-12-31"})
        void nothingAfterTheLastSupportedYear(String last) {
            PeriodFormatException e = assertThrows(PeriodFormatException.class, () -> p(last).next());
            assertTrue(e.text().startsWith("3000"), e.text());
        }
    }

    @Nested
    class Relations {

        @ParameterizedTest(name = "{0} overlaps {1}: {2}")
        @CsvSource({
            "2024-Q1,    2024-03,    true",
            "2024-Q1,    2024-04,    false",
            "2024-Q1,    2024-03-31, true",
            "2024-Q1,    2024-04-01, false",
            "2025-W01,   2024,       true",
            "2025-W01,   2024-12,    true",
            "2025-W01,   2025-Q1,    true",
            "2025-W01,   2024-12-29, false",
            "2024-W52,   2025,       false",
            "2020-W53,   2021-01,    true",
            "2024,       2025,       false",
            "2024,       2024,       true",
            "2024-01-15, 2024-01-15, true",
            "2024-01-15, 2024-01-16, false",
            "2024-W05,   2024-02,    true",
            "2024-W05,   2024-01-28, false",
        })
        void overlapsBothWays(String a, String b, boolean expected) {
            assertEquals(expected, p(a).overlaps(p(b)));
            assertEquals(expected, p(b).overlaps(p(a)));
        }

        @Test
        void equalityIsByValueAndGranularityMatters() {
            assertEquals(p("2024-W05"), Period.of(WEEK, d("2024-02-01")));
            assertEquals(p("2024-W05").hashCode(), Period.of(WEEK, d("2024-02-01")).hashCode());
            // same first day, different periods
            assertNotEquals(p("2024-01-01"), p("2024-W01"));
            assertNotEquals(p("2024-01"), p("2024-Q1"));
            assertNotEquals(p("2024-Q1"), p("2024"));
            assertNotEquals(p("2024"), (Object) "2024");
        }

        @Test
        void ordersByStartThenFromFinestToCoarsest() {
            List<Period> periods = new ArrayList<>(Stream.of(
                    "2024-W02", "2024", "2024-Q1", "2023-12-31", "2024-01", "2024-W01", "2024-01-01", "2023")
                    .map(Period::parse).toList());
            Collections.shuffle(periods, new Random(7));
            Collections.sort(periods);
            assertEquals(List.of("2023", "2023-12-31", "2024-01-01", "2024-W01", "2024-01", "2024-Q1", "2024",
                    "2024-W02"), periods.stream().map(Period::toString).toList());
            assertEquals(0, p("2024-W05").compareTo(p("2024-W05")));
        }
    }

    /** Every day of the supported range, every granularity, checked against java.time's own formatters. */
    @Test
    void agreesWithJavaTimeOnEveryDayOfTheSupportedRange() {
        DateTimeFormatter isoWeek = DateTimeFormatter.ISO_WEEK_DATE;
        DateTimeFormatter month = DateTimeFormatter.ofPattern("uuuu-MM");
        LocalDate lastWeekDay = p("2999-W52").end();
        for (LocalDate day = d("1900-01-01"); day.getYear() <= Period.MAX_YEAR; day = day.plusDays(1)) {
            String iso = day.toString();
            check(DAY, day, iso);
            if (!day.isAfter(lastWeekDay)) {
                check(WEEK, day, isoWeek.format(day).substring(0, 8));
            }
            check(MONTH, day, month.format(day));
            check(QUARTER, day, day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR));
            check(YEAR, day, Integer.toString(day.getYear()));
        }
    }

    private static void check(Granularity granularity, LocalDate day, String expected) {
        Period period = Period.of(granularity, day);
        if (!period.toString().equals(expected) || !period.contains(day) || !period.equals(Period.parse(expected))
                || period.contains(period.start().minusDays(1)) || period.contains(period.end().plusDays(1))) {
            throw new AssertionError(granularity + " of " + day + " is " + period + ", expected " + expected);
        }
    }

    @Nested
    class Json {

        private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

        record CaseReportRow(String regionCode, Period period, int cases) {
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2024-W05", "2024-01", "2024-Q1", "2024", "2024-01-15"})
        void isAPlainString(String text) throws JsonProcessingException {
            assertEquals('"' + text + '"', mapper.writeValueAsString(p(text)));
            assertEquals(p(text), mapper.readValue('"' + text + '"', Period.class));
        }

        @Test
        void sitsInsideRecords() throws JsonProcessingException {
            String json = "{\"regionCode\":\"341825100\",\"period\":\"2024-W05\",\"cases\":3}";
            CaseReportRow row = mapper.readValue(json, CaseReportRow.class);
            assertEquals(new CaseReportRow("341825100", p("2024-W05"), 3), row);
            assertEquals(json, mapper.writeValueAsString(row));
        }

        @Test
        void keysMapsByItsCanonicalForm() throws JsonProcessingException {
            Map<Period, Integer> byWeek = new TreeMap<>(Map.of(p("2024-W05"), 3, p("2024-W06"), 1));
            String json = mapper.writeValueAsString(byWeek);
            assertEquals("{\"2024-W05\":3,\"2024-W06\":1}", json);
            assertEquals(byWeek, mapper.readValue(json, new TypeReference<Map<Period, Integer>>() { }));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"\"2023-W53\"", "\"2024-w05\"", "\"\""})
        void refusesAnInvalidPeriodWithTheCauseAttached(String json) {
            JsonProcessingException e = assertThrows(JsonProcessingException.class,
                    () -> mapper.readValue(json, Period.class));
            assertInstanceOf(PeriodFormatException.class, e.getCause(), e.toString());
        }

        @Test
        void readsNullAsNull() throws JsonProcessingException {
            assertNull(mapper.readValue("null", Period.class));
        }
    }

    @Test
    void everyWeekNumberOfAYearRoundTrips() {
        IntStream.rangeClosed(1, 53).forEach(week -> {
            String text = "2020-W" + (week < 10 ? "0" + week : week);
            assertEquals(text, p(text).toString());
            assertEquals(DayOfWeek.MONDAY, p(text).start().getDayOfWeek());
            assertEquals(7, p(text).days());
        });
    }
}
