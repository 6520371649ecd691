package io.fanzha.reporting.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulletinPdfTest {

    /** A subset font's name: six capital letters, a plus, the font's own name. */
    private static final Pattern SUBSET = Pattern.compile("[A-Z]{6}\\+.+");
    /** The WenQuanYi face, micro hei or its fallback zen hei: any other font would lack the Chinese glyphs. */
    private static final Pattern CJK = Pattern.compile("[A-Z]{6}\\+WenQuanYi(MicroHei|ZenHei)");

    private static byte[] pdf;

    @BeforeAll
    static void render() throws Exception {
        // Without the font this fails, saying which package to install (./fanzha test and .ci/run install it).
        pdf = BulletinFixture.render(new BulletinPdf(BulletinFonts.DEFAULT)::write);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.write(target.resolve("bulletin.pdf"), pdf);
    }

    @Test
    void readsAsTheBulletinInChinese() throws Exception {
        String text = text();

        assertTrue(text.contains("旌德县 2024-W05 电信网络诈骗案件通报"), text);
        assertTrue(text.contains("统计周期 2024-01-29 至 2024-02-04（2024-W05）　同比 2023-W05"), text);
        assertTrue(text.contains("修订于 2024-02-07 10:15（北京时间）"), text);
        assertTrue(text.contains("篁嘉村 2 2 0.0% 16,680.50 30,500.00 -45.3%"), text);
        assertTrue(text.contains("刷单返利诈骗 3 1 +200.0% 60,680.50 20,000.00 +203.4%"), text);
        assertTrue(text.contains("入户走访 30 95 30 30"), text);
        assertTrue(text.contains("覆盖率 2.5%"), text);
        assertTrue(text.contains("341825101202 — agency-demo 2024-02-06"), text);
        assertTrue(text.contains("旌德县 2024-W05 电信网络诈骗案件通报　第 2 页"), text);
    }

    @Test
    void drawsTheTrendWithChineseLabelsAsText() throws Exception {
        String text = text();

        // Vector text from the chart, in the same embedded font: its title, the legend, the week axis, a loss tick.
        // (The rotated texts, the value axes' names and the weeks, do not come out of the text stripper in order.)
        assertTrue(text.contains(TrendChart.TITLE + "\n" + TrendChart.THIS_YEAR + " " + TrendChart.LAST_YEAR + "\n"
                + "周次"), text);
        assertTrue(text.contains("150,000"), text);
    }

    @Test
    void embedsEveryFontAsASubset() throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                collectFonts(page.getResources(), fonts);
            }
            assertFalse(fonts.isEmpty());
            for (PDFont font : fonts) {
                assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
                assertTrue(SUBSET.matcher(font.getName()).matches(), font.getName() + " is not a subset");
                // OpenPDF replaces Helvetica by an embedded Liberation Sans, which has no Chinese: only one face.
                assertTrue(CJK.matcher(font.getName()).matches(), font.getName() + " is not the CJK font");
            }
        }
        // The font file is about 5 MB; its subset is a few hundred kilobytes at most.
        assertTrue(pdf.length < 1_000_000, pdf.length + " bytes");
    }

    @Test
    void rendersAPageThatIsNotBlank() throws Exception {
        BufferedImage page = null;
        // Every page as target/bulletin-pageN.png, for a person to look at.
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = document.getNumberOfPages() - 1; i >= 0; i--) {
                page = renderer.renderImageWithDPI(i, 110);
                ImageIO.write(page, "png", Path.of("target", "bulletin-page" + (i + 1) + ".png").toFile());
            }
        }

        long dark = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                int luminance = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
                if (luminance < 128) {
                    dark++;
                }
            }
        }
        // Text and chart lines cover far more than a few stray pixels of an A4 page.
        assertTrue(dark > 5_000, dark + " dark pixels");
    }

    @Test
    void failsNamingThePackageWhenNoFontIsThere(@TempDir Path dir) {
        String missing = dir.resolve("none.ttc").toString();
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> BulletinFonts.resolve(List.of(missing, dir.resolve("nor-this.ttc").toString())));

        assertTrue(failure.getMessage().contains("fonts-wqy-microhei"), failure.getMessage());
        assertTrue(failure.getMessage().contains(missing), failure.getMessage());
    }

    @Test
    void fallsBackToTheNextFontThatExists(@TempDir Path dir) throws IOException {
        Path present = Files.createFile(dir.resolve("zenhei.ttc"));

        BulletinFonts.FontFile file = BulletinFonts.resolve(List.of(dir.resolve("none.ttc") + ",0", present + ",1"));

        assertEquals(present, file.path());
        assertEquals(1, file.index());
        assertEquals(present + ",1", file.openPdfName());
    }

    private static String text() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace("\r\n", "\n");
        }
    }

    /** The fonts of a page and of the forms it draws (the chart is one). */
    private static void collectFonts(PDResources resources, List<PDFont> fonts) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) {
                collectFonts(form.getResources(), fonts);
            }
        }
    }
}
