package io.fanzha.casestats.report;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.fanzha.contracts.CaseFigures;
import io.fanzha.platform.period.Granularity;
import io.fanzha.platform.period.Period;

/**
 * Warnings, not refusals, for weekly figures far above their region's history (docs/case-reports.md,
 * "Plausibility"): more than ten times the median of the same region and category over the twelve weeks before,
 * as stored before the push, when at least four of those weeks were reported. A median below a floor counts as the
 * floor (1 case, 10,000 yuan), so that a first case after quiet weeks is no alarm.
 */
final class Plausibility {

    static final int WEEKS = 12;
    static final int MIN_WEEKS = 4;
    static final int FACTOR = 10;
    static final BigDecimal CASES_FLOOR = BigDecimal.ONE;
    static final BigDecimal LOSS_FLOOR = new BigDecimal("10000");

    private Plausibility() {
    }

    /** The warning of each report, in the order given; null where there is none. One query for all of them. */
    static String[] warnings(Connection connection, List<ReportKey> keys, List<CaseFigures> figures) throws SQLException {
        String[] warnings = new String[keys.size()];
        // A push holds few distinct periods (a file of two years: 104 weeks) for up to 100,000 rows.
        Map<String, List<String>> windows = new HashMap<>();
        keys.forEach(key -> windows.computeIfAbsent(key.period(), Plausibility::window));
        Set<String> periods = new HashSet<>();
        windows.values().forEach(periods::addAll);
        if (periods.isEmpty()) {
            return warnings;
        }
        Map<String, Map<String, CaseFigures>> history = history(connection, keys, periods);
        for (int i = 0; i < keys.size(); i++) {
            CaseFigures now = figures.get(i);
            Map<String, CaseFigures> stored = history.getOrDefault(pair(keys.get(i)), Map.of());
            List<CaseFigures> before = windows.get(keys.get(i).period()).stream().map(stored::get).filter(Objects::nonNull)
                    .toList();
            if (now == null || before.size() < MIN_WEEKS) {
                continue;
            }
            String why = judge("cases", now.cases() == null ? null : BigDecimal.valueOf(now.cases()),
                    median(before, f -> f.cases() == null ? null : BigDecimal.valueOf(f.cases())), CASES_FLOOR, keys.get(i));
            warnings[i] = why != null ? why : judge("loss", now.loss(), median(before, CaseFigures::loss), LOSS_FLOOR,
                    keys.get(i));
        }
        return warnings;
    }

    /** The twelve weeks before a weekly period; none for another form. */
    private static List<String> window(String period) {
        Period week = Period.parse(period);
        List<String> window = new ArrayList<>();
        if (week.granularity() == Granularity.WEEK) {
            for (int i = 0; i < WEEKS; i++) {
                week = week.previous();
                window.add(week.toString());
            }
        }
        return window;
    }

    private static String judge(String field, BigDecimal value, BigDecimal median, BigDecimal floor, ReportKey key) {
        if (value == null || median == null) {
            return null;
        }
        BigDecimal limit = median.max(floor).multiply(BigDecimal.valueOf(FACTOR));
        if (value.compareTo(limit) <= 0) {
            return null;
        }
        return field + " " + value.stripTrailingZeros().toPlainString() + " is more than " + FACTOR + " times the median ("
                + median.stripTrailingZeros().toPlainString() + ") of the " + WEEKS + " weeks before " + key.period()
                + ": stored, but check it";
    }

    private static BigDecimal median(List<CaseFigures> weeks, Function<CaseFigures, BigDecimal> figure) {
        List<BigDecimal> values = weeks.stream().map(figure).filter(Objects::nonNull).sorted().toList();
        if (values.size() < MIN_WEEKS) {
            return null;
        }
        int middle = values.size() / 2;
        return values.size() % 2 == 1 ? values.get(middle)
                : values.get(middle - 1).add(values.get(middle)).divide(BigDecimal.valueOf(2));
    }

    private static String pair(ReportKey key) {
        return key.regionCode() + "/" + key.category();
    }

    /** The stored figures of these keys' regions and categories in these periods: pair → period → figures. */
    private static Map<String, Map<String, CaseFigures>> history(Connection connection, List<ReportKey> keys,
            Set<String> periods) throws SQLException {
        Map<String, Map<String, CaseFigures>> history = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT r.region_code, r.category, r.period, r.cases, r.loss
                FROM case_report r
                JOIN (SELECT DISTINCT * FROM unnest(?::text[], ?::text[]) AS k(region_code, category)) k
                  ON r.region_code = k.region_code AND r.category = k.category
                WHERE r.period = ANY(?::text[])""")) {
            query.setArray(1, connection.createArrayOf("text", keys.stream().map(ReportKey::regionCode).toArray()));
            query.setArray(2, connection.createArrayOf("text", keys.stream().map(ReportKey::category).toArray()));
            query.setArray(3, connection.createArrayOf("text", periods.toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    int cases = result.getInt(4);
                    Integer count = result.wasNull() ? null : cases;
                    history.computeIfAbsent(result.getString(1) + "/" + result.getString(2), pair -> new HashMap<>())
                            .put(result.getString(3), new CaseFigures(count, result.getBigDecimal(5), null, null, null,
                                    null, null));
                }
            }
        }
        return history;
    }
}
