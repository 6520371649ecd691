package io.fanzha.reporting.assessment;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.fanzha.platform.period.Granularity;
import io.fanzha.platform.period.Period;
import io.fanzha.platform.time.Days;
import io.fanzha.reporting.report.Weeks;

/**
 * Reporting timeliness: every weekly report the reporting expectations ask of the regions of the unit's subtree, for
 * the weeks of the period whose deadline (the week's Sunday plus the expectation's days) had passed by the day judged;
 * the share that came by the end of its deadline day (China time). Each late or missing one costs the same.
 */
final class TimelinessPart {

    private TimelinessPart() {
    }

    static Part assess(Connection connection, String region, Window window) throws SQLException {
        List<Period> weeks = Weeks.of(window.period());
        long expected = 0;
        List<Part.Cost> misses = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT w.week, r.code, r.name, e.reporter, e.deadline_days, c.received_at
                FROM expectation e
                JOIN region r ON r.level = e.level AND r.code LIKE e.region_code || '%' AND r.code LIKE ? || '%'
                CROSS JOIN unnest(?::date[]) AS w(week)
                LEFT JOIN case_report_receipt c ON c.region_code = r.code AND c.week_start = w.week
                    AND c.reporter = e.reporter
                WHERE NOT e.deleted AND e.granularity = 'WEEK' AND w.week + 6 + e.deadline_days < ?
                ORDER BY w.week, r.code, e.reporter""")) {
            select.setString(1, region);
            select.setArray(2, connection.createArrayOf("date",
                    weeks.stream().map(week -> Date.valueOf(week.start())).toArray()));
            select.setObject(3, window.asOf());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    expected++;
                    LocalDate week = rows.getObject(1, LocalDate.class);
                    LocalDate deadline = week.plusDays(6 + rows.getInt(5));
                    OffsetDateTime received = rows.getObject(6, OffsetDateTime.class);
                    OffsetDateTime due = deadline.plusDays(1).atStartOfDay(Days.ZONE).toOffsetDateTime();
                    OffsetDateTime judged = window.asOf().plusDays(1).atStartOfDay(Days.ZONE).toOffsetDateTime();
                    if (received != null && received.isBefore(due)) {
                        continue;
                    }
                    boolean missing = received == null || !received.isBefore(judged);
                    String period = Period.of(Granularity.WEEK, week).toString();
                    misses.add(new Part.Cost("WEEKLY_REPORT", rows.getString(2) + "/" + period + "/" + rows.getString(4),
                            "/api/v1/case-reports?region=" + rows.getString(2) + "&period=" + period, 0,
                            Part.facts("regionCode", rows.getString(2), "name", rows.getString(3), "week", period,
                                    "reporter", rows.getString(4), "deadline", deadline,
                                    "receivedAt", missing ? null : received, "status", missing ? "MISSING" : "LATE")));
                }
            }
        }
        if (expected == 0) {
            return Part.notApplicable(Part.Kind.REPORTING_TIMELINESS, "No weekly report was due from the regions of "
                    + region + " in the period by the day judged.");
        }
        List<Part.Cost> costs = new ArrayList<>();
        for (Part.Cost miss : misses) {
            costs.add(new Part.Cost(miss.type(), miss.id(), miss.href(), 1.0 / expected, miss.facts()));
        }
        return new Part(Part.Kind.REPORTING_TIMELINESS, 1 - (double) misses.size() / expected, null,
                Part.facts("reportsDue", expected, "onTime", expected - misses.size(), "late",
                        misses.stream().filter(m -> "LATE".equals(m.facts().get("status"))).count(),
                        "missing", misses.stream().filter(m -> "MISSING".equals(m.facts().get("status"))).count()),
                costs);
    }
}
