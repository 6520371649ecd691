package io.fanzha.platform.text;

/**
 * What text Fanzha accepts from callers (docs/api.md, "Text"): no control characters but tab and line breaks,
 * no bidirectional overrides, embeddings or isolates (they make a name read differently from what is stored),
 * no unpaired surrogates and no noncharacters (PostgreSQL and many clients cannot store or show them).
 */
public final class Text {

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

    /** True when the text has a character that shows: not only spaces, zero-width or other invisible ones. */
    public static boolean hasVisibleCharacter(CharSequence text) {
        return text.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.CONTROL);
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
