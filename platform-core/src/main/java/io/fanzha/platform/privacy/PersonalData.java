package io.fanzha.platform.privacy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Fanzha refuses to store in an anonymized record (a case record, an outreach household reference): text
 * that holds something shaped like a resident ID number (18 characters: 17 digits and a digit or X) or a mainland
 * mobile number, also when spaces or hyphens split it. Digits that only look like one by chance are refused too: a record
 * is worth less than the risk of keeping someone's ID number.
 */
public final class PersonalData {

    /**
     * A household's opaque reference, the one scheme outreach visits and case records share so that trace-back can
     * match them: letters, digits, '-' and '_', at most 40. An ID or phone number fits it too, and is refused by
     * {@link #foundIn}.
     */
    public static final String HOUSEHOLD_REF = "^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$";
    public static final String HOUSEHOLD_REF_MESSAGE = "must be an opaque reference of letters, digits, '-' and '_', "
            + "at most 40";

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(\\+?86[- ]?)?1[3-9][0-9]{9}(?![0-9])");

    private PersonalData() {
    }

    /** What the text holds that is shaped like personal data ("an ID number", "a phone number"), if anything. */
    public static Optional<String> foundIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.replaceAll("[\\s-]", "");
        if (ID_NUMBER.matcher(compact).find()) {
            return Optional.of("an ID number");
        }
        if (MOBILE.matcher(compact).find()) {
            return Optional.of("a phone number");
        }
        return Optional.empty();
    }
}
