package io.fanzha.reporting.bulletin;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.fanzha.reporting.bulletin.Bulletin.CategoryFigures;
import io.fanzha.reporting.bulletin.Bulletin.Coverage;
import io.fanzha.reporting.bulletin.Bulletin.Figures;
import io.fanzha.reporting.bulletin.Bulletin.Missing;
import io.fanzha.reporting.bulletin.Bulletin.OutreachTotal;
import io.fanzha.reporting.bulletin.Bulletin.Row;
import io.fanzha.reporting.bulletin.Bulletin.TrendWeek;
import io.fanzha.reporting.readmodel.Freshness;

/**
 * 旌德县's bulletin for 2024-W05, written by hand: two townships, three villages, two categories. 篁嘉村's order
 * brushing had no case the same week last year, so its change (and its township's) is null. The sums add up: each
 * township is its villages, the county its townships, and the trend's last week is the county's total.
 */
final class BulletinFixture {

    static final String ONLINE_LOAN = "ONLINE_LOAN";
    static final String ORDER_BRUSHING = "ORDER_BRUSHING";

    private BulletinFixture() {
    }

    static Bulletin bulletin() {
        List<Row> rows = List.of(
                row("341825", "旌德县", "COUNTY", 0,
                        loan(1, 3, "12000.00", "38500.00"), brushing(3, 1, "60680.50", "20000.00")),
                row("341825100", "旌阳镇", "TOWNSHIP", 1,
                        loan(1, 3, "12000.00", "38500.00"), brushing(1, 0, "4680.50", "0.00")),
                row("341825100201", "篁嘉村", "VILLAGE", 2,
                        loan(1, 2, "12000.00", "30500.00"), brushing(1, 0, "4680.50", "0.00")),
                row("341825100202", "柳溪村", "VILLAGE", 2, loan(0, 1, "0.00", "8000.00")),
                row("341825101", "蔡家桥镇", "TOWNSHIP", 1, brushing(2, 1, "56000.00", "20000.00")),
                row("341825101201", "华川村", "VILLAGE", 2, brushing(2, 1, "56000.00", "20000.00")));
        List<OutreachTotal> outreach = List.of(
                new OutreachTotal("DOOR_TO_DOOR", 30, 95, 30, 30),
                new OutreachTotal("LECTURE", 2, 260, 0, 300),
                new OutreachTotal("POSTER", 5, 0, 0, 5));
        List<Missing> notReported = List.of(
                new Missing("341825100202", "柳溪村", "agency-demo", LocalDate.parse("2024-02-06")),
                new Missing("341825101202", null, "agency-demo", LocalDate.parse("2024-02-06")));
        return new Bulletin("341825", "旌德县", "2024-W05", LocalDate.parse("2024-01-29"), LocalDate.parse("2024-02-04"),
                "2023-W05", rows, outreach, new Coverage(1230, 49200, new BigDecimal("2.5")), notReported, trend(),
                OffsetDateTime.parse("2024-02-07T02:15:00Z"), new Freshness(3, OffsetDateTime.parse("2024-02-07T02:16:30.123Z"),
                        OffsetDateTime.parse("2024-02-07T02:16:30.456Z")));
    }

    /** 2023-W46 to 2024-W05, the last one the county's week. */
    static List<TrendWeek> trend() {
        String[] weeks = { "2023-W46", "2023-W47", "2023-W48", "2023-W49", "2023-W50", "2023-W51", "2023-W52",
                "2024-W01", "2024-W02", "2024-W03", "2024-W04", "2024-W05" };
        long[] cases = { 6, 8, 5, 7, 9, 6, 3, 5, 7, 6, 5, 4 };
        long[] casesLastYear = { 7, 6, 9, 8, 10, 7, 6, 4, 8, 9, 7, 4 };
        String[] loss = { "85400.00", "132000.00", "41250.00", "96300.50", "158000.00", "77800.00", "20500.00",
                "64000.00", "110250.00", "88000.00", "53600.00", "72680.50" };
        String[] lossLastYear = { "92000.00", "70500.00", "143000.00", "101000.00", "166400.00", "88000.00",
                "59000.00", "39000.00", "121500.00", "134000.00", "90200.00", "58500.00" };
        List<TrendWeek> trend = new ArrayList<>();
        for (int i = 0; i < weeks.length; i++) {
            trend.add(new TrendWeek(weeks[i], cases[i], new BigDecimal(loss[i]), casesLastYear[i],
                    new BigDecimal(lossLastYear[i])));
        }
        return trend;
    }

    /** The bytes a renderer writes; fails if it closed the stream, which belongs to the caller. */
    static byte[] render(Renderer renderer) throws Exception {
        class Watched extends ByteArrayOutputStream {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        }
        Watched out = new Watched();
        renderer.write(bulletin(), out);
        if (out.closed) {
            throw new AssertionError("the renderer closed the caller's stream");
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    interface Renderer {
        void write(Bulletin bulletin, java.io.OutputStream out) throws Exception;
    }

    private static Row row(String code, String name, String level, int depth, CategoryFigures... categories) {
        long cases = 0;
        long casesLastYear = 0;
        BigDecimal loss = BigDecimal.ZERO.setScale(2);
        BigDecimal lossLastYear = BigDecimal.ZERO.setScale(2);
        for (CategoryFigures category : categories) {
            cases += category.figures().cases();
            casesLastYear += category.figures().casesLastYear();
            loss = loss.add(category.figures().loss());
            lossLastYear = lossLastYear.add(category.figures().lossLastYear());
        }
        return new Row(code, name, level, depth, figures(cases, casesLastYear, loss, lossLastYear), List.of(categories));
    }

    private static CategoryFigures loan(long cases, long casesLastYear, String loss, String lossLastYear) {
        return new CategoryFigures(ONLINE_LOAN, "网络贷款诈骗",
                figures(cases, casesLastYear, new BigDecimal(loss), new BigDecimal(lossLastYear)));
    }

    private static CategoryFigures brushing(long cases, long casesLastYear, String loss, String lossLastYear) {
        return new CategoryFigures(ORDER_BRUSHING, "刷单返利诈骗",
                figures(cases, casesLastYear, new BigDecimal(loss), new BigDecimal(lossLastYear)));
    }

    private static Figures figures(long cases, long casesLastYear, BigDecimal loss, BigDecimal lossLastYear) {
        return new Figures(cases, casesLastYear, change(BigDecimal.valueOf(cases), BigDecimal.valueOf(casesLastYear)),
                loss, lossLastYear, change(loss, lossLastYear));
    }

    private static BigDecimal change(BigDecimal now, BigDecimal lastYear) {
        if (lastYear.signum() == 0) {
            return null;
        }
        return now.subtract(lastYear).multiply(BigDecimal.valueOf(100)).divide(lastYear, 1, RoundingMode.HALF_UP);
    }
}
