package io.fanzha.reporting.bulletin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

class BulletinCsvTest {

    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    @Test
    void startsWithAByteOrderMarkForExcel() throws Exception {
        byte[] csv = BulletinFixture.render(new BulletinCsv()::write);

        assertArrayEquals(BOM, Arrays.copyOf(csv, 3));
    }

    @Test
    void headsTheColumnsInChineseAndEnglish() throws Exception {
        List<List<String>> lines = parse(BulletinFixture.render(new BulletinCsv()::write));

        assertEquals(List.of("区域代码 Region code", "区域 Region", "级别 Level", "层级 Depth", "类别代码 Category code",
                "类别 Category", "案件数 Cases", "去年同期案件数 Cases last year", "案件同比% Cases change %",
                "损失(元) Loss (CNY)", "去年同期损失(元) Loss last year (CNY)", "损失同比% Loss change %"), lines.get(0));
    }

    @Test
    void writesEachRegionsTotalThenItsCategories() throws Exception {
        List<List<String>> lines = parse(BulletinFixture.render(new BulletinCsv()::write));

        // 6 regions, each with its total, and 9 (region, category) lines.
        assertEquals(1 + 6 + 9, lines.size());
        assertEquals(List.of("341825", "旌德县", "COUNTY", "0", "ALL", "合计", "4", "4", "0.0", "72680.50", "58500.00",
                "24.2"), lines.get(1));
        assertEquals(List.of("341825", "旌德县", "COUNTY", "0", "ORDER_BRUSHING", "刷单返利诈骗", "3", "1", "200.0",
                "60680.50", "20000.00", "203.4"), lines.get(3));
        assertEquals(List.of("341825100201", "篁嘉村", "VILLAGE", "2", "ALL", "合计", "2", "2", "0.0", "16680.50",
                "30500.00", "-45.3"), lines.get(7));
        assertEquals(List.of("341825100201", "篁嘉村", "VILLAGE", "2", "ONLINE_LOAN", "网络贷款诈骗", "1", "2", "-50.0",
                "12000.00", "30500.00", "-60.7"), lines.get(8));
    }

    @Test
    void leavesAChangeAgainstZeroEmpty() throws Exception {
        List<List<String>> lines = parse(BulletinFixture.render(new BulletinCsv()::write));

        assertEquals(List.of("341825100201", "篁嘉村", "VILLAGE", "2", "ORDER_BRUSHING", "刷单返利诈骗", "1", "0", "",
                "4680.50", "0.00", ""), lines.get(9));
    }

    @Test
    void defusesTextThatASpreadsheetWouldRunButNotNumbers() {
        assertEquals("'=HYPERLINK(\"http://x\")", BulletinCsv.defused("=HYPERLINK(\"http://x\")"));
        assertEquals("'-村", BulletinCsv.defused("-村"));
        assertEquals("篁嘉村", BulletinCsv.defused("篁嘉村"));
        assertEquals(new java.math.BigDecimal("-45.3"), BulletinCsv.defused(new java.math.BigDecimal("-45.3")));
    }

    /** Every line as its cells, the header first, read after the byte order mark. */
    private static List<List<String>> parse(byte[] csv) throws Exception {
        assertArrayEquals(BOM, Arrays.copyOf(csv, 3));
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        try (MappingIterator<List<String>> lines = new CsvMapper().readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
            return lines.readAll();
        }
    }
}
