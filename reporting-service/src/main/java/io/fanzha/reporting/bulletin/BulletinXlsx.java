package io.fanzha.reporting.bulletin;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import io.fanzha.reporting.bulletin.Bulletin.Coverage;
import io.fanzha.reporting.bulletin.Bulletin.Missing;
import io.fanzha.reporting.bulletin.Bulletin.OutreachTotal;
import io.fanzha.reporting.bulletin.Bulletin.TrendWeek;

/**
 * The bulletin as an XLSX workbook, a sheet per part: cases (the flat table of the CSV), outreach by kind, coverage
 * (with the bulletin's week and revision), the reports that did not arrive, and the 12-week trend. Figures are number
 * cells, money formatted with two decimals, percents with one; texts are inline strings, never formulas.
 */
@ApplicationScoped
public class BulletinXlsx {

    static final String CASES = "案件 Cases";
    static final String OUTREACH = "宣传 Outreach";
    static final String COVERAGE = "覆盖 Coverage";
    static final String NOT_REPORTED = "未报送 Not reported";
    static final String TREND = "趋势 Trend";

    private static final String MONEY = "#,##0.00";
    private static final String PERCENT = "0.0";
    private static final String DATE = "yyyy-mm-dd";

    public void write(Bulletin bulletin, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Fanzha", "1.0");
        workbook.properties()
                .setTitle(BulletinPdf.title(bulletin))
                .setSubject(bulletin.from() + " 至 " + bulletin.to() + "，同比 " + bulletin.comparedWith());
        cases(workbook.newWorksheet(CASES), bulletin);
        outreach(workbook.newWorksheet(OUTREACH), bulletin.outreach());
        coverage(workbook.newWorksheet(COVERAGE), bulletin);
        notReported(workbook.newWorksheet(NOT_REPORTED), bulletin.notReported());
        trend(workbook.newWorksheet(TREND), bulletin.trend());
        workbook.finish();
    }

    private static void cases(Worksheet sheet, Bulletin bulletin) {
        header(sheet, BulletinTable.HEADERS);
        List<BulletinTable.Line> lines = BulletinTable.lines(bulletin);
        for (int i = 0; i < lines.size(); i++) {
            int row = i + 1;
            BulletinTable.Line line = lines.get(i);
            List<Object> cells = line.cells();
            for (int column = 0; column < cells.size(); column++) {
                cell(sheet, row, column, cells.get(column));
            }
            // The tree shows as indentation; the region's own total lines in bold.
            if (line.row().depth() > 0) {
                sheet.style(row, BulletinTable.NAME).indent(line.row().depth()).set();
            }
            if (BulletinTable.ALL.equals(line.category())) {
                sheet.range(row, 0, row, cells.size() - 1).style().bold().set();
            }
        }
        if (!lines.isEmpty()) {
            BulletinTable.MONEY.forEach(column -> format(sheet, 1, lines.size(), column, MONEY));
            BulletinTable.PERCENT.forEach(column -> format(sheet, 1, lines.size(), column, PERCENT));
        }
        sheet.width(BulletinTable.NAME, 16);
    }

    private static void outreach(Worksheet sheet, List<OutreachTotal> outreach) {
        header(sheet, List.of("类型 Kind", "类型名称 Kind name", "记录数 Records", "受教育人数 People reached",
                "入户数 Households reached", "资料份数 Materials"));
        for (int i = 0; i < outreach.size(); i++) {
            OutreachTotal total = outreach.get(i);
            int row = i + 1;
            sheet.inlineString(row, 0, total.kind());
            sheet.inlineString(row, 1, OutreachKindNames.of(total.kind()));
            sheet.value(row, 2, total.records());
            sheet.value(row, 3, total.peopleReached());
            sheet.value(row, 4, total.householdsReached());
            sheet.value(row, 5, total.materials());
        }
    }

    /** One record, so a label and a value per line; the bulletin's identity first, as the other sheets lack it. */
    private static void coverage(Worksheet sheet, Bulletin bulletin) {
        Coverage coverage = bulletin.coverage();
        Object[][] lines = {
                { "区域代码 Region code", bulletin.regionCode() },
                { "区域 Region", bulletin.regionName() },
                { "周次 Week", bulletin.week() },
                { "起 From", bulletin.from() },
                { "止 To", bulletin.to() },
                { "同比周次 Compared with", bulletin.comparedWith() },
                { "修订于(北京时间) Revised at (China time)",
                        bulletin.revisedAt() == null ? null : Amounts.chinaTime(bulletin.revisedAt()) },
                { "入户数 Households reached", coverage.householdsReached() },
                { "常住户数 Resident households", coverage.residentHouseholds() },
                { "覆盖率% Coverage %", Amounts.percent(coverage.percent()) } };
        for (int row = 0; row < lines.length; row++) {
            sheet.inlineString(row, 0, (String) lines[row][0]);
            Object value = lines[row][1];
            if (value instanceof LocalDate date) {
                sheet.value(row, 1, date);
                sheet.style(row, 1).format(DATE).set();
            } else {
                cell(sheet, row, 1, value);
            }
        }
        sheet.style(lines.length - 1, 1).format(PERCENT).set();
        sheet.range(0, 0, lines.length - 1, 0).style().bold().set();
        sheet.width(0, 36);
        sheet.width(1, 16);
    }

    private static void notReported(Worksheet sheet, List<Missing> missing) {
        header(sheet, List.of("区域代码 Region code", "区域 Region", "报送单位 Reporter", "截止日期 Deadline"));
        for (int i = 0; i < missing.size(); i++) {
            Missing report = missing.get(i);
            int row = i + 1;
            sheet.inlineString(row, 0, report.regionCode());
            cell(sheet, row, 1, report.name());
            sheet.inlineString(row, 2, report.reporter());
            sheet.value(row, 3, report.deadline());
            sheet.style(row, 3).format(DATE).set();
        }
    }

    private static void trend(Worksheet sheet, List<TrendWeek> trend) {
        header(sheet, List.of("周次 Week", "案件数 Cases", "去年同期案件数 Cases last year", "损失(元) Loss (CNY)",
                "去年同期损失(元) Loss last year (CNY)"));
        for (int i = 0; i < trend.size(); i++) {
            TrendWeek week = trend.get(i);
            int row = i + 1;
            sheet.inlineString(row, 0, week.week());
            sheet.value(row, 1, week.cases());
            sheet.value(row, 2, week.casesLastYear());
            sheet.value(row, 3, Amounts.money(week.loss()));
            sheet.value(row, 4, Amounts.money(week.lossLastYear()));
        }
        if (!trend.isEmpty()) {
            format(sheet, 1, trend.size(), 3, MONEY);
            format(sheet, 1, trend.size(), 4, MONEY);
        }
    }

    private static void header(Worksheet sheet, List<String> headers) {
        for (int column = 0; column < headers.size(); column++) {
            sheet.inlineString(0, column, headers.get(column));
        }
        sheet.range(0, 0, 0, headers.size() - 1).style().bold().wrapText(true).set();
        sheet.freezePane(0, 1);
    }

    // Inline strings: a shared-strings table is not worth it for a few hundred cells, and inline text is never a formula.
    private static void cell(Worksheet sheet, int row, int column, Object value) {
        if (value instanceof BigDecimal decimal) {
            sheet.value(row, column, decimal);
        } else if (value instanceof Number number) {
            sheet.value(row, column, number);
        } else if (value != null) {
            sheet.inlineString(row, column, value.toString());
        }
    }

    private static void format(Worksheet sheet, int firstRow, int lastRow, int column, String format) {
        sheet.range(firstRow, column, lastRow, column).style().format(format).set();
    }
}
