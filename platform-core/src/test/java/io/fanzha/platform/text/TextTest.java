package io.fanzha.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    private static final Pattern VISIBLE_LINE = Pattern.compile(Text.VISIBLE_LINE);
    private static final Pattern CODE = Pattern.compile(Text.CODE);

    /**
     * The pattern must mean what its comment says for every character of the Basic Multilingual Plane, judged by
     * the JDK's own Unicode data: a JDK with a newer Unicode version fails here when it adds a format character.
     */
    @Test
    void aCharacterShowsUnlessItIsASeparatorAControlOrAFormatCharacter() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int type = Character.getType(c);
            if (type == Character.SURROGATE) {
                continue; // never alone in a string that came from valid JSON
            }
            boolean shows = !Character.isSpaceChar(c) && !Character.isWhitespace(c)
                    && type != Character.CONTROL && type != Character.FORMAT;
            String text = String.valueOf((char) c);
            assertEquals(shows, VISIBLE_LINE.matcher(text).matches(), () -> Text.describe(text, 0));
        }
    }

    @Test
    void aCharacterBeyondTheBasicPlaneShows() {
        for (int c = Character.MIN_SUPPLEMENTARY_CODE_POINT; c <= Character.MAX_CODE_POINT; c += 97) {
            assertTrue(VISIBLE_LINE.matcher(new String(Character.toChars(c))).matches());
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"某某村", " x ", "a\tb", "𠀀", "\u200Bx", "x\u00A0"})
    void acceptsOneLineThatShows(String text) {
        assertTrue(VISIBLE_LINE.matcher(text).matches());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "\t", "\u200B", "\u00A0\u3000", "\uFEFF", "\u2028", "a\nb", "a\r", "\nb",
        "\u200D\u2060"})
    void refusesBlankInvisibleOrSeveralLines(String text) {
        assertFalse(VISIBLE_LINE.matcher(text).matches());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"ONLINE_LOAN", "ELDERLY", "A1", "X_"})
    void acceptsCodes(String code) {
        assertTrue(CODE.matcher(code).matches());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "A", "online_loan", "1A", "_A", "xONLINE_LOAN", "ONLINE LOAN", "ONLINE_LOAN\n",
        "ONLINE-LOAN", "ÄB"})
    void refusesWhatIsNotACode(String code) {
        assertFalse(CODE.matcher(code).matches());
    }

    @Test
    void codesHaveAtMostFiftyCharacters() {
        assertTrue(CODE.matcher("A".repeat(50)).matches());
        assertFalse(CODE.matcher("A".repeat(51)).matches());
    }
}
