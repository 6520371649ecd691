package io.fanzha.reporting.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one part of a score found for one unit: the share of its points earned (0 to 1; null when nothing it scores
 * applies to the unit, with the reason), the figures it judged by, and each record that cost points with the share of
 * the part's points it cost. The shares lost add up to one minus the share earned.
 */
record Part(Kind kind, Double earned, String reason, Map<String, Object> facts, List<Cost> costs) {

    enum Kind {
        TASK_COMPLETION,
        COVERAGE,
        REPORTING_TIMELINESS,
        CASE_TREND,
        EVIDENCE_QUALITY
    }

    /** A record (a task, a village, a weekly report, a region's figures, an outreach record) and what it cost. */
    record Cost(String type, String id, String href, double share, Map<String, Object> facts) {
    }

    static Part notApplicable(Kind kind, String reason) {
        return new Part(kind, null, reason, Map.of(), List.of());
    }

    /** A share as a percent, one decimal. */
    static BigDecimal percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP);
    }

    /** Facts in the order given: name, value, name, value, … */
    static Map<String, Object> facts(Object... pairs) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            facts.put((String) pairs[i], pairs[i + 1]);
        }
        return facts;
    }
}
