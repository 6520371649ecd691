package io.fanzha.platform.period;

/**
 * A text that is not a period in Fanzha's canonical form, or a period outside the supported years.
 * The REST layer answers it with 400 and the problem code {@code period.invalid}.
 */
public class PeriodFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Long enough for any real period; longer input is cut so an error body never echoes a whole payload. */
    private static final int MAX_ECHOED = 40;

    private final String text;

    public PeriodFormatException(String text, String reason) {
        super(describe(text) + ": " + reason);
        this.text = text;
    }

    /** The offending input exactly as received (may be null). */
    public String text() {
        return text;
    }

    private static String describe(String text) {
        if (text == null) {
            return "Missing period";
        }
        String shown = text.length() <= MAX_ECHOED ? text : text.substring(0, MAX_ECHOED) + "…";
        return "Invalid period '" + shown + "'";
    }
}
