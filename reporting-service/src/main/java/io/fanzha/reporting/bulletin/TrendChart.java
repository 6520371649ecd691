package io.fanzha.reporting.bulletin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

import io.fanzha.reporting.bulletin.Bulletin.TrendWeek;

/**
 * The 12-week trend of the PDF bulletin: cases (above) and losses (below) of each week beside the same week last
 * year, on one week axis. Every text in the chart uses the given CJK font: JFreeChart's own defaults have no Chinese.
 */
final class TrendChart {

    static final String TITLE = "近12周案件趋势";
    static final String THIS_YEAR = "本年";
    static final String LAST_YEAR = "去年同期";

    private static final Color THIS_YEAR_COLOR = new Color(0xC0, 0x39, 0x2B);
    private static final Color LAST_YEAR_COLOR = new Color(0x7F, 0x8C, 0x8D);
    private static final Color GRID = new Color(0xD0, 0xD0, 0xD0);

    private TrendChart() {
    }

    static JFreeChart of(List<TrendWeek> trend, Font font) {
        DefaultCategoryDataset cases = new DefaultCategoryDataset();
        DefaultCategoryDataset losses = new DefaultCategoryDataset();
        for (TrendWeek week : trend) {
            cases.addValue(week.cases(), THIS_YEAR, week.week());
            cases.addValue(week.casesLastYear(), LAST_YEAR, week.week());
            // Money becomes a double here only to place a point on the chart; the tables carry the exact amounts.
            losses.addValue(week.loss(), THIS_YEAR, week.week());
            losses.addValue(week.lossLastYear(), LAST_YEAR, week.week());
        }

        CategoryAxis weeks = new CategoryAxis("周次");
        weeks.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        weeks.setLowerMargin(0.01);
        weeks.setUpperMargin(0.01);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(weeks);
        plot.setGap(8);
        CategoryPlot casePlot = subplot(cases, "案件数（起）", true);
        CategoryPlot lossPlot = subplot(losses, "损失（元）", false);
        plot.add(casePlot, 1);
        plot.add(lossPlot, 1);

        JFreeChart chart = new JFreeChart(TITLE, plot);
        theme(font).apply(chart);
        // After the theme, which would paint the series in its own colours.
        lines(casePlot);
        lines(lossPlot);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setFrame(BlockBorder.NONE);
        return chart;
    }

    private static CategoryPlot subplot(DefaultCategoryDataset data, String label, boolean counts) {
        NumberAxis values = new NumberAxis(label);
        values.setNumberFormatOverride(new DecimalFormat("#,##0"));
        values.setAutoRangeIncludesZero(true);
        if (counts) {
            values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        // Both panels have the same two series: the legend names them once.
        renderer.setDefaultSeriesVisibleInLegend(counts);
        CategoryPlot plot = new CategoryPlot(data, null, values, renderer);
        plot.setRangeGridlinesVisible(true);
        return plot;
    }

    private static void lines(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(GRID);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, THIS_YEAR_COLOR);
        renderer.setSeriesStroke(0, new BasicStroke(1.8f));
        renderer.setSeriesPaint(1, LAST_YEAR_COLOR);
        renderer.setSeriesStroke(1, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] { 4f, 3f }, 0f));
        renderer.setDefaultShapesVisible(true);
        renderer.setDrawOutlines(false);
    }

    private static StandardChartTheme theme(Font font) {
        StandardChartTheme theme = new StandardChartTheme("Fanzha");
        theme.setExtraLargeFont(font.deriveFont(Font.BOLD, 12f));
        theme.setLargeFont(font.deriveFont(Font.PLAIN, 9f));
        theme.setRegularFont(font.deriveFont(Font.PLAIN, 8.5f));
        theme.setSmallFont(font.deriveFont(Font.PLAIN, 7.5f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setShadowVisible(false);
        return theme;
    }
}
