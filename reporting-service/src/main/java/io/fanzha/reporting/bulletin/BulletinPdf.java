package io.fanzha.reporting.bulletin;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.FontMapper;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import io.fanzha.reporting.bulletin.Bulletin.CategoryFigures;
import io.fanzha.reporting.bulletin.Bulletin.Coverage;
import io.fanzha.reporting.bulletin.Bulletin.Figures;
import io.fanzha.reporting.bulletin.Bulletin.Missing;
import io.fanzha.reporting.bulletin.Bulletin.OutreachTotal;
import io.fanzha.reporting.bulletin.Bulletin.Row;

/**
 * The bulletin as an A4 PDF, as a county office prints and files it: title and week, the region's figures in one
 * sentence and the 12-week trend chart, then per region (indented by depth) and per category the cases and losses
 * beside last year, the outreach by kind, household coverage and who did not report. Every text is in the configured
 * CJK TrueType font ({@value BulletinFonts#SETTING}), embedded as a subset, so the file reads on a machine without
 * Chinese fonts. The chart is drawn as vectors into the page, its texts in that same embedded font.
 */
@ApplicationScoped
public class BulletinPdf {

    static {
        // The chart is drawn without a display; an X11 session in DISPLAY must not be tried, nor needed.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final String[] SECTIONS = { "一", "二", "三", "四", "五", "六", "七", "八" };
    private static final Color RISE = new Color(0xB0, 0x1E, 0x1E);
    private static final Color FALL = new Color(0x1E, 0x7B, 0x34);
    private static final Color MUTED = new Color(0x66, 0x66, 0x66);
    private static final Color RULE = new Color(0xBB, 0xBB, 0xBB);
    private static final Color HEADER_FILL = new Color(0xEE, 0xEE, 0xEE);
    private static final float CHART_HEIGHT = 270f;

    private final String fontSetting;
    private volatile BulletinFonts fonts;

    @Inject
    public BulletinPdf(@ConfigProperty(name = BulletinFonts.SETTING, defaultValue = BulletinFonts.DEFAULT) String font) {
        this.fontSetting = font;
    }

    /** "旌德县 2024-W05 电信网络诈骗案件通报" */
    static String title(Bulletin bulletin) {
        return bulletin.regionName() + " " + bulletin.week() + " 电信网络诈骗案件通报";
    }

    public void write(Bulletin bulletin, OutputStream out) throws IOException {
        Styles styles = new Styles(fonts().pdf);
        Document document = new Document(PageSize.A4, 42, 42, 40, 48);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        // The caller owns the stream (a response, say) and closes it.
        writer.setCloseStream(false);
        // The chart stays where it is written, not after the text that fits on the page before it.
        writer.setStrictImageSequence(true);
        writer.setPageEvent(new Footer(title(bulletin), styles.small));
        document.addTitle(title(bulletin));
        document.addSubject(bulletin.from() + " 至 " + bulletin.to() + "，同比 " + bulletin.comparedWith());
        document.addCreator("Fanzha");
        document.open();

        heading(document, bulletin, styles);
        Sections sections = new Sections(document, styles);
        sections.next("总体情况");
        if (!bulletin.rows().isEmpty()) {
            document.add(paragraph(summary(bulletin.rows().get(0)), styles.body));
        }
        if (!bulletin.trend().isEmpty()) {
            document.add(chart(writer, bulletin, document.right() - document.left()));
        }

        sections.next("分地区情况");
        document.add(regions(bulletin.rows(), styles));
        document.add(paragraph("同比：与去年同期相比；去年同期为 0 时不计算（—）。金额单位：元。", styles.small));

        if (!bulletin.rows().isEmpty() && !bulletin.rows().get(0).categories().isEmpty()) {
            sections.next("分类别情况（" + bulletin.rows().get(0).name() + "）");
            document.add(categories(bulletin.rows().get(0).categories(), styles));
        }

        sections.next("宣传情况");
        if (bulletin.outreach().isEmpty()) {
            document.add(paragraph("本周没有宣传记录。", styles.body));
        } else {
            document.add(outreach(bulletin.outreach(), styles));
        }

        sections.next("入户覆盖");
        document.add(paragraph(coverage(bulletin), styles.body));

        sections.next("未报送情况");
        if (bulletin.notReported().isEmpty()) {
            document.add(paragraph("本周应报数据均已报送。", styles.body));
        } else {
            document.add(notReported(bulletin.notReported(), styles));
        }

        if (bulletin.freshness() != null && bulletin.freshness().lastEventAt() != null) {
            Paragraph asOf = paragraph("数据更新至 " + Amounts.chinaTime(bulletin.freshness().lastEventAt()) + "（北京时间）",
                    styles.small);
            asOf.setAlignment(Element.ALIGN_RIGHT);
            asOf.setSpacingBefore(10);
            document.add(asOf);
        }
        document.close();
    }

    private static void heading(Document document, Bulletin bulletin, Styles styles) {
        Paragraph title = paragraph(title(bulletin), styles.title);
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(6);
        document.add(title);
        Paragraph period = paragraph("统计周期 " + bulletin.from() + " 至 " + bulletin.to() + "（" + bulletin.week()
                + "）　同比 " + bulletin.comparedWith(), styles.body);
        period.setAlignment(Element.ALIGN_CENTER);
        document.add(period);
        if (bulletin.revisedAt() != null) {
            Paragraph revised = paragraph("修订于 " + Amounts.chinaTime(bulletin.revisedAt())
                    + "（北京时间）：本周结束后有迟报或更正，以本版为准。", styles.revised);
            revised.setAlignment(Element.ALIGN_CENTER);
            document.add(revised);
        }
    }

    /** "本周旌德县发生电信网络诈骗案件 4 起（去年同期 4 起，同比 0.0%），损失 72,680.50 元（…）。" */
    private static String summary(Row region) {
        Figures total = region.total();
        return "本周" + region.name() + "发生电信网络诈骗案件 " + Amounts.countText(total.cases()) + " 起（去年同期 "
                + Amounts.countText(total.casesLastYear()) + " 起，同比 " + Amounts.changeText(total.casesChangePercent())
                + "），造成损失 " + Amounts.moneyText(total.loss()) + " 元（去年同期 "
                + Amounts.moneyText(total.lossLastYear()) + " 元，同比 " + Amounts.changeText(total.lossChangePercent())
                + "）。";
    }

    private Image chart(PdfWriter writer, Bulletin bulletin, float width) {
        BulletinFonts fonts = fonts();
        PdfTemplate template = writer.getDirectContent().createTemplate(width, CHART_HEIGHT);
        Graphics2D graphics = template.createGraphics(width, CHART_HEIGHT, new CjkFontMapper(fonts));
        try {
            TrendChart.of(bulletin.trend(), fonts.awt).draw(graphics, new Rectangle2D.Double(0, 0, width, CHART_HEIGHT));
        } finally {
            graphics.dispose();
        }
        Image image = Image.getInstance(template);
        image.setAlignment(Image.MIDDLE);
        image.setSpacingBefore(6);
        image.setSpacingAfter(4);
        return image;
    }

    private static PdfPTable regions(List<Row> rows, Styles styles) {
        PdfPTable table = table(styles, text("地区", 3.2f), number("案件数", 1), number("去年同期", 1),
                number("同比", 1.1f), number("损失（元）", 1.8f), number("去年同期", 1.8f), number("同比", 1.1f));
        for (Row row : rows) {
            Font font = row.depth() == 0 ? styles.cellBold : styles.cell;
            PdfPCell name = cell(row.name(), font, Element.ALIGN_LEFT);
            // The tree as indentation: a township under the county, its villages under it.
            name.setPaddingLeft(4 + 12 * row.depth());
            table.addCell(name);
            figures(table, row.total(), font, styles);
        }
        return table;
    }

    private static PdfPTable categories(List<CategoryFigures> categories, Styles styles) {
        PdfPTable table = table(styles, text("类别", 3.2f), number("案件数", 1), number("去年同期", 1),
                number("同比", 1.1f), number("损失（元）", 1.8f), number("去年同期", 1.8f), number("同比", 1.1f));
        for (CategoryFigures category : categories) {
            table.addCell(cell(category.name() == null ? category.category() : category.name(), styles.cell,
                    Element.ALIGN_LEFT));
            figures(table, category.figures(), styles.cell, styles);
        }
        return table;
    }

    private static void figures(PdfPTable table, Figures figures, Font font, Styles styles) {
        table.addCell(cell(Amounts.countText(figures.cases()), font, Element.ALIGN_RIGHT));
        table.addCell(cell(Amounts.countText(figures.casesLastYear()), font, Element.ALIGN_RIGHT));
        table.addCell(change(figures.casesChangePercent(), styles));
        table.addCell(cell(Amounts.moneyText(figures.loss()), font, Element.ALIGN_RIGHT));
        table.addCell(cell(Amounts.moneyText(figures.lossLastYear()), font, Element.ALIGN_RIGHT));
        table.addCell(change(figures.lossChangePercent(), styles));
    }

    /** A rise of fraud in red, a fall in green. */
    private static PdfPCell change(BigDecimal percent, Styles styles) {
        Font font = percent == null || percent.signum() == 0 ? styles.cell
                : percent.signum() > 0 ? styles.rise : styles.fall;
        return cell(Amounts.changeText(percent), font, Element.ALIGN_RIGHT);
    }

    private static PdfPTable outreach(List<OutreachTotal> outreach, Styles styles) {
        PdfPTable table = table(styles, text("宣传方式", 3.2f), number("记录数", 1.2f), number("受教育人数", 1.4f),
                number("入户数", 1.2f), number("资料份数", 1.2f));
        for (OutreachTotal total : outreach) {
            table.addCell(cell(OutreachKindNames.of(total.kind()), styles.cell, Element.ALIGN_LEFT));
            table.addCell(cell(Amounts.countText(total.records()), styles.cell, Element.ALIGN_RIGHT));
            table.addCell(cell(Amounts.countText(total.peopleReached()), styles.cell, Element.ALIGN_RIGHT));
            table.addCell(cell(Amounts.countText(total.householdsReached()), styles.cell, Element.ALIGN_RIGHT));
            table.addCell(cell(Amounts.countText(total.materials()), styles.cell, Element.ALIGN_RIGHT));
        }
        return table;
    }

    private static String coverage(Bulletin bulletin) {
        Coverage coverage = bulletin.coverage();
        String reached = "截至 " + bulletin.to() + "，" + bulletin.regionName() + "累计入户宣传 "
                + Amounts.countText(coverage.householdsReached()) + " 户";
        if (coverage.residentHouseholds() == null) {
            return reached + "；常住户数未知，覆盖率无法计算。";
        }
        return reached + "，常住 " + Amounts.countText(coverage.residentHouseholds()) + " 户，覆盖率 "
                + Amounts.percentText(coverage.percent()) + "。";
    }

    private static PdfPTable notReported(List<Missing> missing, Styles styles) {
        PdfPTable table = table(styles, text("区域代码", 2), text("区域", 2), text("报送单位", 2), text("截止日期", 1.4f));
        for (Missing report : missing) {
            table.addCell(cell(report.regionCode(), styles.cell, Element.ALIGN_LEFT));
            table.addCell(cell(report.name() == null ? "—" : report.name(), styles.cell, Element.ALIGN_LEFT));
            table.addCell(cell(report.reporter(), styles.cell, Element.ALIGN_LEFT));
            table.addCell(cell(report.deadline().toString(), styles.cell, Element.ALIGN_LEFT));
        }
        return table;
    }

    /** A table's column: its header, its relative width, and its alignment (numbers to the right). */
    private record Column(String header, float width, int alignment) {
    }

    private static Column text(String header, float width) {
        return new Column(header, width, Element.ALIGN_LEFT);
    }

    private static Column number(String header, float width) {
        return new Column(header, width, Element.ALIGN_RIGHT);
    }

    private static PdfPTable table(Styles styles, Column... columns) {
        float[] widths = new float[columns.length];
        for (int i = 0; i < columns.length; i++) {
            widths[i] = columns[i].width();
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(2);
        // Repeated on every page the table runs over.
        table.setHeaderRows(1);
        for (Column column : columns) {
            PdfPCell header = cell(column.header(), styles.header, column.alignment());
            header.setBackgroundColor(HEADER_FILL);
            table.addCell(header);
        }
        return table;
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(chunk(text, font)));
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setBorderWidth(0.5f);
        cell.setBorderColor(RULE);
        cell.setPadding(3);
        cell.setPaddingBottom(4);
        return cell;
    }

    private static Paragraph paragraph(String text, Font font) {
        Paragraph paragraph = new Paragraph(chunk(text, font));
        paragraph.setLeading(font.getSize() * 1.5f);
        return paragraph;
    }

    private static Chunk chunk(String text, Font font) {
        Chunk chunk = new Chunk(text, font);
        chunk.setSplitCharacter(ChineseLineBreaks.INSTANCE);
        return chunk;
    }

    /** Read on first use, not at startup: a missing font fails the PDF with its remedy, not the whole service. */
    private BulletinFonts fonts() {
        BulletinFonts loaded = fonts;
        if (loaded == null) {
            synchronized (this) {
                if (fonts == null) {
                    fonts = BulletinFonts.load(fontSetting);
                }
                loaded = fonts;
            }
        }
        return loaded;
    }

    /** The fonts of the document, all of the one embedded CJK face. */
    private static final class Styles {
        final Font title;
        final Font section;
        final Font body;
        final Font revised;
        final Font header;
        final Font cell;
        final Font cellBold;
        final Font rise;
        final Font fall;
        final Font small;

        Styles(BaseFont font) {
            // The face has no bold: OpenPDF draws BOLD by stroking the glyphs as well.
            title = new Font(font, 16, Font.BOLD);
            section = new Font(font, 11, Font.BOLD);
            body = new Font(font, 9.5f);
            revised = new Font(font, 9, Font.NORMAL, RISE);
            header = new Font(font, 8.5f, Font.BOLD);
            cell = new Font(font, 8.5f);
            cellBold = new Font(font, 8.5f, Font.BOLD);
            rise = new Font(font, 8.5f, Font.NORMAL, RISE);
            fall = new Font(font, 8.5f, Font.NORMAL, FALL);
            small = new Font(font, 7.5f, Font.NORMAL, MUTED);
        }
    }

    /** 一、二、… headings, numbered as they are written, since some sections are left out when empty. */
    private static final class Sections {
        private final Document document;
        private final Styles styles;
        private int count;

        Sections(Document document, Styles styles) {
            this.document = document;
            this.styles = styles;
        }

        void next(String name) {
            Paragraph heading = paragraph(SECTIONS[count++] + "、" + name, styles.section);
            heading.setSpacingBefore(10);
            heading.setSpacingAfter(2);
            document.add(heading);
        }
    }

    /** Every text of the chart in the embedded CJK font: a font the PDF would not embed must never be chosen. */
    private record CjkFontMapper(BulletinFonts fonts) implements FontMapper {

        @Override
        public BaseFont awtToPdf(java.awt.Font font) {
            return fonts.pdf;
        }

        @Override
        public java.awt.Font pdfToAwt(BaseFont font, int size) {
            return fonts.awt.deriveFont((float) size);
        }
    }

    /** The title and the page number at the foot of every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final String title;
        private final Font font;

        Footer(String title, Font font) {
            this.title = title;
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                    new Phrase(title + "　第 " + writer.getPageNumber() + " 页", font),
                    (document.left() + document.right()) / 2, document.bottom() - 24, 0);
        }
    }
}
