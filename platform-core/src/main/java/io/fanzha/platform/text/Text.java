package io.fanzha.platform.text;

/**
 * What text Fanzha accepts from callers (docs/api.md, "Text"): no control characters but tab and line breaks,
 * no bidirectional overrides, embeddings or isolates (they make a name read differently from what is stored),
 * no unpaired surrogates and no noncharacters (PostgreSQL and many clients cannot store or show them).
 */
public final class Text {

    /**
     * A one-line text such as a name or a theme: no line break and at least one character that shows, that is one
     * that is not a separator, a control or a format character (zero-width spaces, joiners, the byte order mark),
     * which {@code @NotBlank} would take for text. The class lists those of the Basic Multilingual Plane by hand
     * because OpenAPI 3.0 patterns are ECMA-262 5.1, which knows no {@code \p{Cf}}; {@code TextTest} checks it
     * against the JDK's Unicode data for every one of them. Characters beyond the BMP (CJK extensions, emoji)
     * count as visible. Request fields carry it as {@code @Pattern}, so the OpenAPI document states the rule the
     * server applies.
     */
    public static final String VISIBLE_LINE = "^[^\\r\\n]*[^\\u0000-\\u0020\\u007F-\\u00A0\\u00AD\\u0600-\\u0605\\u061C\\u06DD"
            + "\\u070F\\u08E2\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u3000\\uFEFF"
            + "\\uFFF9-\\uFFFB][^\\r\\n]*$";
    public static final String VISIBLE_LINE_MESSAGE = "must be one line with at least one visible character";

    /** A code of a catalogue (fraud categories, target groups): upper-case letters, digits and '_', e.g. ONLINE_LOAN. */
    public static final String CODE = "^[A-Z][A-Z0-9_]{1,49}$";
    public static final String CODE_MESSAGE = "must be a code of capital letters, digits and '_', such as ONLINE_LOAN";

    /** A mainland phone number: a mobile (13812345678) or a landline with its area code (0563-8021234). */
    public static final String PHONE = "^(1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-?[0-9]{7,8})$";
    public static final String PHONE_MESSAGE = "must be a mobile number such as 13812345678 or a landline such as "
            + "0563-8021234";

    private Text() {
    }

    /** The index of the first character Fanzha refuses, or -1 when the text is clean. */
    public static int firstForbidden(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                if (isNoncharacter(codePoint)) {
                    return i;
                }
                i++;
            } else if (isForbidden(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A readable name of a character for an error message, e.g. {@code U+202E}. */
    public static String describe(CharSequence text, int index) {
        return String.format("U+%04X at position %d", Character.codePointAt(text, index), index);
    }

    private static boolean isForbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || Character.isSurrogate(c)
                || isNoncharacter(c);
    }

    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
