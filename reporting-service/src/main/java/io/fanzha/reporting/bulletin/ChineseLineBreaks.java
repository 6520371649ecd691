package io.fanzha.reporting.bulletin;

import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where the PDF may break a line of Chinese: OpenPDF breaks after any CJK character, which puts a full-width comma
 * or a closing bracket at the start of a line; Chinese typesetting (避头尾) keeps those at the end of the line before,
 * and opening brackets at the start of the next.
 */
final class ChineseLineBreaks extends DefaultSplitCharacter {

    static final ChineseLineBreaks INSTANCE = new ChineseLineBreaks();

    private static final String NEVER_FIRST = "，。、；：！？）》」』】〕…%";
    private static final String NEVER_LAST = "（《「『【〔";

    private ChineseLineBreaks() {
    }

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        if (NEVER_LAST.indexOf(getCurrentCharacter(current, cc, ck)) >= 0) {
            return false;
        }
        if (current + 1 < end && NEVER_FIRST.indexOf(getCurrentCharacter(current + 1, cc, ck)) >= 0) {
            return false;
        }
        return super.isSplitCharacter(start, current, end, cc, ck);
    }
}
