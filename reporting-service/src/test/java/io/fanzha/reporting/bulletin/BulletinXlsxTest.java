package io.fanzha.reporting.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BulletinXlsxTest {

    private static List<String> sheetNames;
    private static Map<String, List<Row>> sheets;

    @BeforeAll
    static void read() throws Exception {
        byte[] xlsx = BulletinFixture.render(new BulletinXlsx()::write);
        // With cell formats, to see that money shows two decimals.
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx),
                new ReadingOptions(true, false))) {
            List<Sheet> all = workbook.getSheets().toList();
            sheetNames = all.stream().map(Sheet::getName).toList();
            sheets = new java.util.HashMap<>();
            for (Sheet sheet : all) {
                sheets.put(sheet.getName(), sheet.read());
            }
        }
    }

    @Test
    void hasASheetPerPartOfTheBulletin() {
        assertEquals(List.of("案件 Cases", "宣传 Outreach", "覆盖 Coverage", "未报送 Not reported", "趋势 Trend"),
                sheetNames);
    }

    @Test
    void casesAreTheCsvTableWithNumbersAsNumbers() {
        List<Row> rows = sheets.get("案件 Cases");
        assertEquals(BulletinTable.HEADERS, rows.get(0).stream().map(Cell::getText).collect(Collectors.toList()));
        assertEquals(1 + 6 + 9, rows.size());

        Row village = rows.get(7);
        assertEquals("篁嘉村", village.getCellText(1));
        assertEquals("合计", village.getCellText(5));
        assertNumber(village.getCell(6), "2");
        assertNumber(village.getCell(8), "0");
        assertNumber(village.getCell(9), "16680.5");
        assertEquals("#,##0.00", village.getCell(9).getDataFormatString());
        assertNumber(village.getCell(11), "-45.3");
        assertEquals("0.0", village.getCell(11).getDataFormatString());
    }

    @Test
    void leavesAChangeAgainstZeroEmpty() {
        Row brushing = sheets.get("案件 Cases").get(9);
        assertEquals("ORDER_BRUSHING", brushing.getCellText(4));
        assertNumber(brushing.getCell(7), "0");
        assertFalse(brushing.getOptionalCell(8).filter(cell -> cell.getType() != CellType.EMPTY).isPresent());
        assertNumber(brushing.getCell(10), "0");
    }

    @Test
    void outreachByKindWithItsChineseName() {
        Row visits = sheets.get("宣传 Outreach").get(1);
        assertEquals("DOOR_TO_DOOR", visits.getCellText(0));
        assertEquals("入户走访", visits.getCellText(1));
        assertNumber(visits.getCell(2), "30");
        assertNumber(visits.getCell(3), "95");
    }

    @Test
    void everyKindOfOutreachHasAChineseName() {
        for (io.fanzha.contracts.OutreachKind kind : io.fanzha.contracts.OutreachKind.values()) {
            assertFalse(OutreachKindNames.of(kind.name()).equals(kind.name()), kind + " has no Chinese name");
        }
        assertEquals("SPACESHIP", OutreachKindNames.of("SPACESHIP"));
    }

    @Test
    void coverageNamesTheWeekAndTheRevision() {
        Map<String, Cell> values = sheets.get("覆盖 Coverage").stream()
                .collect(Collectors.toMap(row -> row.getCellText(0), row -> row.getCell(1)));
        assertEquals("2024-W05", values.get("周次 Week").getText());
        assertEquals(LocalDate.parse("2024-02-04"), values.get("止 To").asDate().toLocalDate());
        assertEquals("2024-02-07 10:15", values.get("修订于(北京时间) Revised at (China time)").getText());
        assertNumber(values.get("入户数 Households reached"), "1230");
        assertNumber(values.get("覆盖率% Coverage %"), "2.5");
    }

    @Test
    void notReportedWithItsDeadlineAsADate() {
        List<Row> rows = sheets.get("未报送 Not reported");
        assertEquals(3, rows.size());
        assertEquals("柳溪村", rows.get(1).getCellText(1));
        assertEquals(LocalDate.parse("2024-02-06"), rows.get(1).getCell(3).asDate().toLocalDate());
        assertTrue(rows.get(2).getCellText(1).isEmpty());
    }

    @Test
    void trendHasTwelveWeeksOldestFirst() {
        List<Row> rows = sheets.get("趋势 Trend");
        assertEquals(13, rows.size());
        assertEquals("2023-W46", rows.get(1).getCellText(0));
        assertEquals("2024-W05", rows.get(12).getCellText(0));
        assertNumber(rows.get(12).getCell(1), "4");
        assertNumber(rows.get(12).getCell(3), "72680.5");
        assertEquals("#,##0.00", rows.get(12).getCell(3).getDataFormatString());
    }

    private static void assertNumber(Cell cell, String expected) {
        assertEquals(CellType.NUMBER, cell.getType(), () -> cell + " is not a number cell");
        assertEquals(0, new BigDecimal(expected).compareTo(cell.asNumber()), () -> cell + " is not " + expected);
    }
}
