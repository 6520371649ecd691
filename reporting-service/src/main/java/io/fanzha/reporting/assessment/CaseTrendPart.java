package io.fanzha.reporting.assessment;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.fanzha.platform.period.Period;
import io.fanzha.reporting.cases.CaseTree;
import io.fanzha.reporting.report.Percent;
import io.fanzha.reporting.report.Weeks;

/**
 * Case trend: the cases of the unit's region in the weeks of the period that had ended by the day judged, against the
 * same weeks a year before (summed as the bulletins sum them). A change at or below the scheme's first point earns
 * all points, at or above its second none, and in between points fall in a straight line; from no cases a year
 * before, none now earns all and any earns none.
 */
final class CaseTrendPart {

    private CaseTrendPart() {
    }

    static Part assess(Connection connection, String region, SchemeRules rules, Window window) throws SQLException {
        List<Period> weeks = Weeks.endedBefore(Weeks.of(window.period()), window.asOf().plusDays(1));
        if (weeks.isEmpty()) {
            return Part.notApplicable(Part.Kind.CASE_TREND, "No week of the period had ended by the day judged.");
        }
        List<Period> lastYear = Weeks.yearBefore(weeks);
        List<LocalDate> all = new ArrayList<>(Weeks.starts(weeks));
        all.addAll(Weeks.starts(lastYear));
        CaseTree tree = CaseTree.load(connection, region, all, List.of());
        if (tree.categories(all).isEmpty()) {
            return Part.notApplicable(Part.Kind.CASE_TREND, "No weekly case figures of " + region
                    + " in those weeks or a year before.");
        }
        long now = tree.sum(region, Weeks.starts(weeks), null).cases();
        long before = tree.sum(region, Weeks.starts(lastYear), null).cases();
        double earned;
        if (before == 0) {
            earned = now == 0 ? 1 : 0;
        } else {
            double change = (now - before) * 100.0 / before;
            double full = rules.caseTrendFullAtPercent();
            double zero = rules.caseTrendZeroAtPercent();
            earned = change <= full ? 1 : change >= zero ? 0 : (zero - change) / (zero - full);
        }
        var facts = Part.facts("weeks", weeks.size(), "firstWeek", weeks.get(0).toString(), "lastWeek",
                weeks.get(weeks.size() - 1).toString(), "cases", now, "casesYearBefore", before,
                "changePercent", Percent.change(now, before), "fullAtPercent", rules.caseTrendFullAtPercent(),
                "zeroAtPercent", rules.caseTrendZeroAtPercent());
        List<Part.Cost> costs = earned >= 1 ? List.of() : List.of(new Part.Cost("CASE_FIGURES", region,
                "/api/v1/reports/bulletins/" + region + "/" + weeks.get(weeks.size() - 1), 1 - earned, facts));
        return new Part(Part.Kind.CASE_TREND, earned, null, facts, costs);
    }
}
