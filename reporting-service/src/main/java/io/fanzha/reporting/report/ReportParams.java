package io.fanzha.reporting.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.fanzha.platform.period.Period;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.time.Days;

/** Query parameters shared by the reports, read strictly: a bad one is a 400 naming it. */
public final class ReportParams {

    public static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    private ReportParams() {
    }

    /** A day such as 2024-03-15; today in China when absent. */
    public static LocalDate dayOrToday(String field, String text) {
        return text == null ? Days.today() : day(field, text);
    }

    /** A period in any form, which must be there. */
    public static Period period(String field, String text) {
        if (text == null) {
            throw ProblemException.invalidField("request.invalid", field, "is required");
        }
        return Period.parse(text);
    }

    public static LocalDate day(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("request.invalid", field, "must be a day such as 2024-03-15");
        }
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when absent. */
    public static int number(String field, String text, int fallback, int min, int max) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as a value out of range is
        }
        throw ProblemException.invalidField("request.invalid", field, "must be a whole number from " + min + " to " + max);
    }

    public static UUID id(String field, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("request.invalid", field, "must be a UUID");
        }
    }
}
