package io.fanzha.reporting.bulletin;

import java.util.ArrayList;
import java.util.List;

import io.fanzha.reporting.bulletin.Bulletin.Figures;
import io.fanzha.reporting.bulletin.Bulletin.Row;

/**
 * The bulletin's cases as one flat table, shared by the CSV and the XLSX case sheet: per region its total (category
 * {@value #ALL}, {@value #ALL_NAME}), then a line per category, in the bulletin's region order. Flat, so that a
 * spreadsheet can filter and pivot it without knowing the tree.
 */
final class BulletinTable {

    static final String ALL = "ALL";
    static final String ALL_NAME = "合计";

    static final List<String> HEADERS = List.of(
            "区域代码 Region code", "区域 Region", "级别 Level", "层级 Depth", "类别代码 Category code", "类别 Category",
            "案件数 Cases", "去年同期案件数 Cases last year", "案件同比% Cases change %",
            "损失(元) Loss (CNY)", "去年同期损失(元) Loss last year (CNY)", "损失同比% Loss change %");

    /** Columns by what they hold, for the spreadsheet's formats. */
    static final int NAME = 1;
    static final int DEPTH = 3;
    static final int FIRST_FIGURE = 6;
    static final List<Integer> MONEY = List.of(9, 10);
    static final List<Integer> PERCENT = List.of(8, 11);

    record Line(Row row, String category, String categoryName, Figures figures) {

        /** The cells in header order: numbers as numbers (money with 2 decimals, percents with 1), null when none. */
        List<Object> cells() {
            List<Object> cells = new ArrayList<>(HEADERS.size());
            cells.add(row.regionCode());
            cells.add(row.name());
            cells.add(row.level());
            cells.add(row.depth());
            cells.add(category);
            cells.add(categoryName);
            cells.add(figures.cases());
            cells.add(figures.casesLastYear());
            cells.add(Amounts.percent(figures.casesChangePercent()));
            cells.add(Amounts.money(figures.loss()));
            cells.add(Amounts.money(figures.lossLastYear()));
            cells.add(Amounts.percent(figures.lossChangePercent()));
            return cells;
        }
    }

    private BulletinTable() {
    }

    static List<Line> lines(Bulletin bulletin) {
        List<Line> lines = new ArrayList<>();
        for (Row row : bulletin.rows()) {
            lines.add(new Line(row, ALL, ALL_NAME, row.total()));
            for (Bulletin.CategoryFigures category : row.categories()) {
                lines.add(new Line(row, category.category(), category.name(), category.figures()));
            }
        }
        return lines;
    }
}
