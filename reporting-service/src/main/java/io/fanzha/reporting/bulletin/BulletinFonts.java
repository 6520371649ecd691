package io.fanzha.reporting.bulletin;

import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import com.lowagie.text.pdf.BaseFont;

/**
 * The CJK TrueType font of the PDF bulletin, read once: as an OpenPDF font, embedded as a subset of the glyphs a
 * document uses (so the PDF reads on a machine without Chinese fonts), and as the same face for AWT, which lays out
 * the chart's labels. Debian's fonts-wqy-microhei provides the default.
 */
final class BulletinFonts {

    static final String DEFAULT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    static final String FALLBACK = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    static final String PACKAGE = "fonts-wqy-microhei";
    static final String SETTING = "fanzha.reports.pdf-font";

    private static final Logger LOG = Logger.getLogger(BulletinFonts.class);
    /** A file, and for a collection (.ttc) optionally which font of it: "/…/wqy-microhei.ttc,0". */
    private static final Pattern INDEXED = Pattern.compile("(.+\\.ttc),(\\d+)", Pattern.CASE_INSENSITIVE);

    final BaseFont pdf;
    final java.awt.Font awt;

    private BulletinFonts(BaseFont pdf, java.awt.Font awt) {
        this.pdf = pdf;
        this.awt = awt;
    }

    /** A font file and, for a collection, the index of the font in it. */
    record FontFile(Path path, int index) {

        static FontFile parse(String setting) {
            Matcher indexed = INDEXED.matcher(setting.trim());
            return indexed.matches()
                    ? new FontFile(Path.of(indexed.group(1)), Integer.parseInt(indexed.group(2)))
                    : new FontFile(Path.of(setting.trim()), 0);
        }

        boolean collection() {
            return path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc");
        }

        /** OpenPDF's name: a collection's font is named by its index. */
        String openPdfName() {
            return collection() ? path + "," + index : path.toString();
        }
    }

    static BulletinFonts load(String setting) {
        FontFile file = resolve(List.of(setting, FALLBACK));
        try {
            BaseFont pdf = BaseFont.createFont(file.openPdfName(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            java.awt.Font[] faces = java.awt.Font.createFonts(file.path().toFile());
            return new BulletinFonts(pdf, faces[Math.min(file.index(), faces.length - 1)]);
        } catch (IOException | FontFormatException | RuntimeException e) {
            throw new IllegalStateException("The PDF bulletin's font " + file.openPdfName() + " cannot be read as a "
                    + "TrueType font (" + e.getMessage() + "); set " + SETTING + " to a TrueType font (.ttf, or .ttc "
                    + "with ',index'), or install Debian's " + PACKAGE + ".", e);
        }
    }

    /** The first font file of the candidates that exists; fails naming the package to install when none does. */
    static FontFile resolve(List<String> candidates) {
        for (int i = 0; i < candidates.size(); i++) {
            FontFile file = FontFile.parse(candidates.get(i));
            if (Files.isRegularFile(file.path())) {
                if (i > 0) {
                    LOG.warnf("The PDF bulletin's font %s is missing; using %s instead (install Debian's %s)",
                            candidates.get(0), file.path(), PACKAGE);
                }
                return file;
            }
        }
        throw new IllegalStateException("No Chinese font for the PDF bulletin: none of "
                + candidates.stream().map(candidate -> FontFile.parse(candidate).path().toString()).distinct().toList()
                + " exists. Install Debian's " + PACKAGE + " (apt-get install " + PACKAGE + "), or set " + SETTING
                + " to a TrueType font that has Chinese glyphs.");
    }
}
