package io.fanzha.reporting.goal;

import static io.fanzha.reporting.goal.GoalAttainment.ACHIEVED;
import static io.fanzha.reporting.goal.GoalAttainment.AT_RISK;
import static io.fanzha.reporting.goal.GoalAttainment.MISSED;
import static io.fanzha.reporting.goal.GoalAttainment.NOT_STARTED;
import static io.fanzha.reporting.goal.GoalAttainment.ON_TRACK;
import static io.fanzha.reporting.goal.GoalAttainment.UNKNOWN;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.fanzha.platform.period.Period;
import io.fanzha.reporting.cases.CaseTree;
import io.fanzha.reporting.coverage.CoverageProgress;
import io.fanzha.reporting.goal.GoalAttainment.Target;
import io.fanzha.reporting.goal.GoalAttainment.Window;
import io.fanzha.reporting.outreach.OutreachCounts;
import io.fanzha.reporting.region.RegionRow;
import io.fanzha.reporting.report.Percent;
import io.fanzha.reporting.report.Weeks;

/** Computes a goal's attainment as of a day, by the rules of docs/reports.md, "Goal attainment". */
final class GoalEvaluator {

    private final Connection connection;
    private final LocalDate asOf;

    GoalEvaluator(Connection connection, LocalDate asOf) {
        this.connection = connection;
        this.asOf = asOf;
    }

    GoalAttainment evaluate(GoalRow goal) throws SQLException {
        return switch (goal.metric()) {
            case "CASES", "LOSS" -> caseTrend(goal);
            case "COVERAGE" -> coverage(goal);
            default -> activityCount(goal);
        };
    }

    /** Completed ISO weeks of the period to date against the same weeks last year. */
    private GoalAttainment caseTrend(GoalRow goal) throws SQLException {
        Period period = Period.parse(goal.period());
        List<Period> weeks = Weeks.of(period);
        boolean complete = asOf.isAfter(period.end());
        List<Period> counted = complete ? weeks : Weeks.endedBefore(weeks, asOf);
        if (counted.isEmpty()) {
            return result(goal, new Window(weeks.get(0).start(), weeks.get(weeks.size() - 1).end(), 0, false), null,
                    null, null, null, null, NOT_STARTED, "no ISO week of " + period + " has ended yet");
        }
        List<Period> lastYear = Weeks.yearBefore(counted);
        List<LocalDate> both = new ArrayList<>(Weeks.starts(counted));
        both.addAll(Weeks.starts(lastYear));
        CaseTree tree = CaseTree.load(connection, goal.regionCode(), both, goal.categories());
        CaseTree.Sum now = tree.sum(goal.regionCode(), Weeks.starts(counted), null);
        CaseTree.Sum before = tree.sum(goal.regionCode(), Weeks.starts(lastYear), null);
        boolean cases = goal.metric().equals("CASES");
        BigDecimal current = cases ? BigDecimal.valueOf(now.cases()) : now.loss();
        BigDecimal comparator = cases ? BigDecimal.valueOf(before.cases()) : before.loss();
        BigDecimal change = Percent.change(current, comparator);
        String status;
        String reason;
        String what = cases ? "cases" : "losses";
        if (change == null) {
            boolean none = current.signum() == 0;
            status = none ? (complete ? ACHIEVED : ON_TRACK) : (complete ? MISSED : AT_RISK);
            reason = "no " + what + " in the same weeks last year: no percentage; " + (none ? "none" : current + "")
                    + " this year";
        } else {
            boolean met = change.compareTo(BigDecimal.valueOf(goal.targetChangePercent())) <= 0;
            status = met ? (complete ? ACHIEVED : ON_TRACK) : (complete ? MISSED : AT_RISK);
            reason = what + " changed " + change + " % against a target of " + goal.targetChangePercent() + " %"
                    + (complete ? "" : " over the " + counted.size() + " completed weeks to date");
        }
        return result(goal, window(counted, complete), window(lastYear, complete), current, comparator, change, null,
                status, reason);
    }

    /** Households reached since the campaign began, against the target percent by the deadline. */
    private GoalAttainment coverage(GoalRow goal) throws SQLException {
        LocalDate to = asOf.isAfter(goal.deadline()) ? goal.deadline() : asOf;
        boolean complete = asOf.isAfter(goal.deadline());
        if (asOf.isBefore(goal.campaignStart())) {
            return result(goal, new Window(goal.campaignStart(), goal.deadline(), null, false), null, null, null, null,
                    null, NOT_STARTED, "the campaign begins on " + goal.campaignStart());
        }
        Integer resident = RegionRow.find(connection, goal.regionCode()).map(RegionRow::residentHouseholds).orElse(null);
        CoverageProgress progress = CoverageProgress.of(connection, goal.regionCode(), resident, goal.campaignStart(), to,
                goal.targetPercent());
        Window window = new Window(goal.campaignStart(), to, null, complete);
        if (progress.denominatorUnknown()) {
            return result(goal, window, null, null, null, null, null, UNKNOWN, progress.reached()
                    + " households reached; the region's resident households are unknown (or 0): no percentage");
        }
        String status;
        String reason;
        if (progress.percent().compareTo(BigDecimal.valueOf(goal.targetPercent())) >= 0) {
            status = ACHIEVED;
            reason = progress.reached() + " of " + resident + " households reached";
        } else if (complete) {
            status = MISSED;
            reason = "the deadline passed at " + progress.percent() + " %";
        } else if (progress.projected() != null && !progress.projected().isAfter(goal.deadline())) {
            status = ON_TRACK;
            reason = "at the pace of the last " + CoverageProgress.PACE_DAYS + " days the target is reached on "
                    + progress.projected();
        } else {
            status = AT_RISK;
            reason = progress.projected() == null
                    ? "no household reached for the first time in the last " + CoverageProgress.PACE_DAYS + " days"
                    : "at the pace of the last " + CoverageProgress.PACE_DAYS + " days the target is reached on "
                            + progress.projected() + ", after the deadline";
        }
        return result(goal, window, null, progress.percent(), null, null, progress.projected(), status, reason);
    }

    /** Records of the goal's kinds in its period (or from the campaign's start to its deadline), against the count. */
    private GoalAttainment activityCount(GoalRow goal) throws SQLException {
        Period period = goal.period() == null ? null : Period.parse(goal.period());
        LocalDate from = period == null ? goal.campaignStart() : period.start();
        LocalDate end = period == null ? goal.deadline() : period.end();
        boolean complete = asOf.isAfter(end);
        LocalDate to = complete ? end : asOf;
        if (asOf.isBefore(from)) {
            return result(goal, new Window(from, end, null, false), null, null, null, null, null, NOT_STARTED,
                    "counting begins on " + from);
        }
        long current = OutreachCounts.records(connection, goal.regionCode(), goal.outreachKinds(), from, to);
        LocalDate paceFrom = to.minusDays(CoverageProgress.PACE_DAYS - 1L);
        long lately = OutreachCounts.records(connection, goal.regionCode(), goal.outreachKinds(),
                paceFrom.isBefore(from) ? from : paceFrom, to);
        long needed = goal.targetCount() - current;
        LocalDate projected = needed <= 0 || lately == 0 || complete ? null
                : to.plusDays((needed * CoverageProgress.PACE_DAYS + lately - 1) / lately);
        long days = ChronoUnit.DAYS.between(from, end) + 1;
        long elapsed = ChronoUnit.DAYS.between(from, to) + 1;
        String status;
        String reason;
        if (needed <= 0) {
            status = ACHIEVED;
            reason = current + " of " + goal.targetCount() + " done";
        } else if (complete) {
            status = MISSED;
            reason = current + " of " + goal.targetCount() + " done when the time ran out";
        } else {
            // On track while at least the share of the count that the share of time elapsed asks for is done.
            long due = (goal.targetCount() * elapsed + days - 1) / days;
            status = current >= due ? ON_TRACK : AT_RISK;
            reason = current + " done, " + due + " due by now (" + elapsed + " of " + days + " days)";
        }
        return result(goal, new Window(from, to, null, complete), null, BigDecimal.valueOf(current), null, null,
                projected, status, reason);
    }

    private static Window window(List<Period> weeks, boolean complete) {
        return new Window(weeks.get(0).start(), weeks.get(weeks.size() - 1).end(), weeks.size(), complete);
    }

    private static GoalAttainment result(GoalRow goal, Window window, Window comparedWith, BigDecimal current,
            BigDecimal comparator, BigDecimal change, LocalDate projected, String status, String reason) {
        return new GoalAttainment(goal.id(), goal.campaignId(), goal.metric(), goal.regionCode(), goal.categories(),
                goal.outreachKinds(), goal.period(), goal.deadline(), window, comparedWith, current, comparator, change,
                new Target(goal.targetChangePercent(), goal.targetPercent(), goal.targetCount()), projected, status,
                reason);
    }
}
