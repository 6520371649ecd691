package io.fanzha.reporting.bulletin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fanzha.platform.period.Period;
import io.fanzha.platform.time.Days;
import io.fanzha.reporting.cases.CaseTree;
import io.fanzha.reporting.coverage.CoverageProgress;
import io.fanzha.reporting.outreach.OutreachCounts;
import io.fanzha.reporting.readmodel.Freshness;
import io.fanzha.reporting.region.RegionRow;
import io.fanzha.reporting.report.Percent;
import io.fanzha.reporting.report.Weeks;

/** Builds the weekly bulletin of a region from the active generation (docs/reports.md, "Weekly bulletin"). */
final class BulletinQueries {

    static final int TREND_WEEKS = 12;

    private BulletinQueries() {
    }

    static Optional<Bulletin> bulletin(Connection connection, Freshness freshness, String code, Period week)
            throws SQLException {
        Optional<RegionRow> found = RegionRow.find(connection, code);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Period lastYear = week.yearOnYear();
        List<Period> trend = Weeks.ending(week, TREND_WEEKS);
        Set<LocalDate> weeks = new LinkedHashSet<>(Weeks.starts(trend));
        weeks.addAll(Weeks.starts(Weeks.yearBefore(trend)));
        CaseTree tree = CaseTree.load(connection, code, weeks, List.of());
        Map<String, String> categoryNames = categoryNames(connection);

        List<Bulletin.Row> rows = new ArrayList<>();
        List<String> categories = tree.categories(List.of(week.start(), lastYear.start()));
        for (RegionRow region : RegionRow.subtreeToVillages(connection, code)) {
            List<Bulletin.CategoryFigures> byCategory = new ArrayList<>();
            for (String category : categories) {
                Bulletin.Figures figures = figures(tree, region.code(), week, lastYear, category);
                if (figures.cases() + figures.casesLastYear() > 0 || figures.loss().signum() + figures.lossLastYear().signum() > 0) {
                    byCategory.add(new Bulletin.CategoryFigures(category, categoryNames.get(category), figures));
                }
            }
            rows.add(new Bulletin.Row(region.code(), region.name(), region.level(), region.depthBelow(code),
                    figures(tree, region.code(), week, lastYear, null), byCategory));
        }

        List<Bulletin.TrendWeek> trendWeeks = new ArrayList<>(TREND_WEEKS);
        for (Period each : trend) {
            CaseTree.Sum now = tree.sum(code, List.of(each.start()), null);
            CaseTree.Sum before = tree.sum(code, List.of(each.yearOnYear().start()), null);
            trendWeeks.add(new Bulletin.TrendWeek(each.toString(), now.cases(), now.loss(), before.cases(), before.loss()));
        }

        RegionRow region = found.get();
        long reached = OutreachCounts.households(connection, code, OutreachCounts.BEGINNING, week.end(), week.end())
                .reached();
        CoverageProgress coverage = CoverageProgress.counted(reached, region.residentHouseholds());
        return Optional.of(new Bulletin(code, region.name(), week.toString(), week.start(), week.end(),
                lastYear.toString(), rows, outreach(connection, code, week),
                new Bulletin.Coverage(reached, region.residentHouseholds(), coverage.percent()),
                notReported(connection, code, week), trendWeeks, revisedAt(connection, code, week), freshness));
    }

    private static Bulletin.Figures figures(CaseTree tree, String region, Period week, Period lastYear, String category) {
        CaseTree.Sum now = tree.sum(region, List.of(week.start()), category);
        CaseTree.Sum before = tree.sum(region, List.of(lastYear.start()), category);
        return new Bulletin.Figures(now.cases(), before.cases(), Percent.change(now.cases(), before.cases()), now.loss(),
                before.loss(), Percent.change(now.loss(), before.loss()));
    }

    private static List<Bulletin.OutreachTotal> outreach(Connection connection, String code, Period week)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT kind, count(*), coalesce(sum(people_reached), 0), coalesce(sum(households_reached), 0),
                       coalesce(sum(materials), 0)
                FROM outreach WHERE counted AND region_code LIKE ? || '%' AND occurred_on BETWEEN ? AND ?
                GROUP BY kind ORDER BY kind""")) {
            select.setString(1, code);
            select.setObject(2, week.start());
            select.setObject(3, week.end());
            List<Bulletin.OutreachTotal> totals = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    totals.add(new Bulletin.OutreachTotal(rows.getString(1), rows.getLong(2), rows.getLong(3),
                            rows.getLong(4), rows.getLong(5)));
                }
            }
            return totals;
        }
    }

    /**
     * The regions of the subtree that a weekly expectation names and whose reporter sent nothing for the week, with
     * the last day to report.
     */
    private static List<Bulletin.Missing> notReported(Connection connection, String code, Period week)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT r.code, r.name, e.reporter, e.deadline_days FROM expectation e
                JOIN region r ON r.level = e.level AND r.code LIKE e.region_code || '%' AND r.code LIKE ? || '%'
                WHERE NOT e.deleted AND e.granularity = 'WEEK' AND NOT EXISTS (
                    SELECT 1 FROM case_report_receipt c
                    WHERE c.region_code = r.code AND c.week_start = ? AND c.reporter = e.reporter)
                ORDER BY r.code, e.reporter""")) {
            select.setString(1, code);
            select.setObject(2, week.start());
            List<Bulletin.Missing> missing = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    missing.add(new Bulletin.Missing(rows.getString(1), rows.getString(2), rows.getString(3),
                            week.end().plusDays(rows.getInt(4))));
                }
            }
            return missing;
        }
    }

    /**
     * The last change to the week's figures or outreach in the subtree after the week closed: the end of its reporting
     * deadline (its Sunday plus the longest deadline of the weekly expectations that meet the subtree), China time.
     */
    private static OffsetDateTime revisedAt(Connection connection, String code, Period week) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                WITH closed AS (
                    SELECT ((?::date + coalesce(max(deadline_days), 0) + 1)::timestamp AT TIME ZONE ?) AS at
                    FROM expectation WHERE NOT deleted AND granularity = 'WEEK'
                      AND (region_code LIKE ? || '%' OR ? LIKE region_code || '%'))
                SELECT greatest(
                    (SELECT max(changed_at) FROM case_report, closed
                     WHERE week_start = ? AND region_code LIKE ? || '%' AND changed_at > closed.at),
                    (SELECT max(changed_at) FROM outreach, closed
                     WHERE occurred_on BETWEEN ? AND ? AND region_code LIKE ? || '%' AND changed_at > closed.at))""")) {
            select.setObject(1, week.end());
            select.setString(2, Days.ZONE.getId());
            select.setString(3, code);
            select.setString(4, code);
            select.setObject(5, week.start());
            select.setString(6, code);
            select.setObject(7, week.start());
            select.setObject(8, week.end());
            select.setString(9, code);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getObject(1, OffsetDateTime.class);
            }
        }
    }

    private static Map<String, String> categoryNames(Connection connection) throws SQLException {
        Map<String, String> names = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT code, name_zh FROM fraud_category");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                names.put(rows.getString(1), rows.getString(2));
            }
        }
        return names;
    }
}
