package io.fanzha.reporting.effectiveness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fanzha.platform.period.Granularity;
import io.fanzha.platform.period.Period;
import io.fanzha.reporting.readmodel.Freshness;
import io.fanzha.reporting.region.RegionRow;

/**
 * Case rates of villages against their door-to-door rounds, from the weekly case figures reported for each village
 * (a village's own figure; its grids' sum where it has none) and the households' first visits (docs/reports.md,
 * "Effectiveness").
 */
public final class EffectivenessQueries {

    static final String REACHED_BEFORE = "REACHED_BEFORE";
    static final String REACHED_WITHIN = "REACHED_WITHIN";
    static final String NOT_REACHED = "NOT_REACHED";

    private EffectivenessQueries() {
    }

    /** The parameters: the weeks compared (oldest first, at least one), the round's percent, the fewest villages. */
    public record Method(List<Period> weeks, int roundPercent, int minimumVillages) {
    }

    private record Candidate(RegionRow region, LocalDate roundEnded, Map<LocalDate, Long> cases) {

        long households() {
            return region.residentHouseholds();
        }

        long casesIn(List<Period> weeks) {
            return weeks.stream().mapToLong(week -> cases.getOrDefault(week.start(), 0L)).sum();
        }
    }

    public static Optional<Effectiveness> of(Connection connection, Freshness freshness, String code, Method method)
            throws SQLException {
        Optional<RegionRow> region = RegionRow.find(connection, code);
        if (region.isEmpty()) {
            return Optional.empty();
        }
        List<Period> weeks = method.weeks();
        Map<String, LocalDate> rounds = roundsEnded(connection, code, method.roundPercent());
        Map<String, Map<LocalDate, Long>> figures = weeklyCases(connection, code, weeks);
        List<Candidate> candidates = new ArrayList<>();
        int withoutHouseholds = 0;
        int withoutFigures = 0;
        for (RegionRow village : villages(connection, code)) {
            if (village.residentHouseholds() == null || village.residentHouseholds() <= 0) {
                withoutHouseholds++;
            } else if (!figures.containsKey(village.code())) {
                withoutFigures++;
            } else {
                candidates.add(new Candidate(village, rounds.get(village.code()), figures.get(village.code())));
            }
        }
        LocalDate first = weeks.get(0).start();
        LocalDate last = weeks.get(weeks.size() - 1).end();
        List<Candidate> before = new ArrayList<>();
        List<Candidate> within = new ArrayList<>();
        List<Candidate> never = new ArrayList<>();
        List<Effectiveness.Village> villages = new ArrayList<>();
        for (Candidate candidate : candidates) {
            LocalDate round = candidate.roundEnded();
            String group = round == null || round.isAfter(last) ? NOT_REACHED
                    : round.isBefore(first) ? REACHED_BEFORE : REACHED_WITHIN;
            (group.equals(NOT_REACHED) ? never : group.equals(REACHED_BEFORE) ? before : within).add(candidate);
            Windows windows = group.equals(REACHED_WITHIN) ? Windows.around(round, weeks) : null;
            villages.add(new Effectiveness.Village(candidate.region().code(), candidate.region().name(),
                    candidate.region().residentHouseholds(), round, group, candidate.casesIn(weeks),
                    windows == null ? null : candidate.casesIn(windows.before()),
                    windows == null ? null : candidate.casesIn(windows.after())));
        }
        return Optional.of(new Effectiveness(code, region.get().name(), first, last, weeks.size(), method.roundPercent(),
                method.minimumVillages(), new Effectiveness.Sample(candidates.size(), withoutHouseholds, withoutFigures),
                reachedVersusNotReached(before, never, weeks, method.minimumVillages()),
                beforeAfter(within, never, weeks, method.minimumVillages()), villages, freshness));
    }

    /** A village's weeks before its round's week and after it. */
    private record Windows(List<Period> before, List<Period> after) {

        static Windows around(LocalDate round, List<Period> weeks) {
            Period roundWeek = Period.of(Granularity.WEEK, round);
            return new Windows(weeks.stream().filter(week -> week.end().isBefore(roundWeek.start())).toList(),
                    weeks.stream().filter(week -> week.start().isAfter(roundWeek.end())).toList());
        }

        boolean both() {
            return !before.isEmpty() && !after.isEmpty();
        }
    }

    private static Effectiveness.Comparison reachedVersusNotReached(List<Candidate> reached, List<Candidate> never,
            List<Period> weeks, int minimum) {
        String reason = tooFew(reached.size(), "had their first round before the first week", minimum,
                tooFew(never.size(), "were never reached", minimum, null));
        boolean enough = reason == null;
        Effectiveness.Group reachedGroup = group(reached, weeks, enough);
        Effectiveness.Group neverGroup = group(never, weeks, enough);
        return new Effectiveness.Comparison(reachedGroup, neverGroup,
                enough ? reachedGroup.per1000Households().subtract(neverGroup.per1000Households()) : null, enough, reason);
    }

    private static Effectiveness.Group group(List<Candidate> villages, List<Period> weeks, boolean rated) {
        long households = villages.stream().mapToLong(Candidate::households).sum();
        long cases = villages.stream().mapToLong(village -> village.casesIn(weeks)).sum();
        return new Effectiveness.Group(villages.size(), households, cases,
                rated ? rate(cases * 1000.0 / households) : null);
    }

    /**
     * The villages reached within the weeks, pooled (cases over household-weeks) before and after their round's week;
     * the control is the never-reached villages' rate in each of those villages' weeks, weighted by that village's
     * household-weeks, so that both sides cover the same calendar.
     */
    private static Effectiveness.BeforeAfter beforeAfter(List<Candidate> within, List<Candidate> never, List<Period> weeks,
            int minimum) {
        Map<Candidate, Windows> treated = new LinkedHashMap<>();
        for (Candidate candidate : within) {
            Windows windows = Windows.around(candidate.roundEnded(), weeks);
            if (windows.both()) {
                treated.put(candidate, windows);
            }
        }
        String reason = tooFew(treated.size(), "had their first round within the weeks, with a week before and after it",
                minimum, tooFew(never.size(), "were never reached", minimum, null));
        boolean enough = reason == null;
        long controlHouseholds = never.stream().mapToLong(Candidate::households).sum();
        Map<LocalDate, Long> controlCases = new HashMap<>();
        never.forEach(village -> village.cases().forEach((week, cases) -> controlCases.merge(week, cases, Long::sum)));
        long casesBefore = 0;
        long casesAfter = 0;
        double weightBefore = 0;
        double weightAfter = 0;
        double controlBefore = 0;
        double controlAfter = 0;
        Set<Period> controlWeeksBefore = new LinkedHashSet<>();
        Set<Period> controlWeeksAfter = new LinkedHashSet<>();
        for (var entry : treated.entrySet()) {
            Candidate village = entry.getKey();
            Windows windows = entry.getValue();
            casesBefore += village.casesIn(windows.before());
            casesAfter += village.casesIn(windows.after());
            weightBefore += (double) village.households() * windows.before().size();
            weightAfter += (double) village.households() * windows.after().size();
            controlBefore += (double) village.households() * sum(controlCases, windows.before());
            controlAfter += (double) village.households() * sum(controlCases, windows.after());
            controlWeeksBefore.addAll(windows.before());
            controlWeeksAfter.addAll(windows.after());
        }
        long treatedHouseholds = treated.keySet().stream().mapToLong(Candidate::households).sum();
        Effectiveness.Rates reached;
        Effectiveness.Rates control;
        BigDecimal difference = null;
        if (enough) {
            BigDecimal before = rate(casesBefore * 4000.0 / weightBefore);
            BigDecimal after = rate(casesAfter * 4000.0 / weightAfter);
            BigDecimal cBefore = rate(controlBefore * 4000.0 / controlHouseholds / weightBefore);
            BigDecimal cAfter = rate(controlAfter * 4000.0 / controlHouseholds / weightAfter);
            reached = new Effectiveness.Rates(treated.size(), treatedHouseholds, casesBefore, casesAfter, before, after,
                    after.subtract(before));
            control = new Effectiveness.Rates(never.size(), controlHouseholds, sum(controlCases, controlWeeksBefore),
                    sum(controlCases, controlWeeksAfter), cBefore, cAfter, cAfter.subtract(cBefore));
            difference = reached.change().subtract(control.change());
        } else {
            reached = new Effectiveness.Rates(treated.size(), treatedHouseholds, casesBefore, casesAfter, null, null, null);
            control = new Effectiveness.Rates(never.size(), controlHouseholds, sum(controlCases, controlWeeksBefore),
                    sum(controlCases, controlWeeksAfter), null, null, null);
        }
        return new Effectiveness.BeforeAfter(reached, control, difference, enough, reason);
    }

    private static long sum(Map<LocalDate, Long> cases, Iterable<Period> weeks) {
        long sum = 0;
        for (Period week : weeks) {
            sum += cases.getOrDefault(week.start(), 0L);
        }
        return sum;
    }

    /** Why a group of {@code count} villages is too small, or else {@code otherwise}. */
    private static String tooFew(int count, String what, int minimum, String otherwise) {
        return count >= minimum ? otherwise
                : "Not enough data: " + count + (count == 1 ? " village " : " villages ") + what + ", at least "
                        + minimum + " are needed.";
    }

    private static BigDecimal rate(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static List<RegionRow> villages(Connection connection, String code) throws SQLException {
        return RegionRow.subtreeToVillages(connection, code).stream()
                .filter(row -> row.code().length() == 12).toList();
    }

    /**
     * The day each village's counted door-to-door visits reached {@code percent} of its resident households: the
     * first visit day of its n-th household reached, n being that share rounded up.
     */
    private static Map<String, LocalDate> roundsEnded(Connection connection, String code, int percent)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT r.code, (array_agg(h.first_visit ORDER BY h.first_visit))[ceil(r.resident_households * ? / 100.0)::int]
                FROM region r JOIN household_reach h ON h.village_code = r.code
                WHERE r.code LIKE ? || '%' AND length(r.code) = 12 AND r.resident_households > 0
                GROUP BY r.code, r.resident_households""")) {
            select.setInt(1, percent);
            select.setString(2, code);
            Map<String, LocalDate> rounds = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    LocalDate day = rows.getObject(2, LocalDate.class);
                    if (day != null) {
                        rounds.put(rows.getString(1), day);
                    }
                }
            }
            return rounds;
        }
    }

    /**
     * Each village's cases per week, all categories: per category its own figure, or where it has none the sum of its
     * grids'; a village with no figure at all in the weeks is absent.
     */
    private static Map<String, Map<LocalDate, Long>> weeklyCases(Connection connection, String code, List<Period> weeks)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT village, week_start, sum(cases) FROM (
                    SELECT left(region_code, 12) AS village, week_start, category,
                           CASE WHEN bool_or(length(region_code) = 12)
                                THEN sum(coalesce(cases, 0)) FILTER (WHERE length(region_code) = 12)
                                ELSE sum(coalesce(cases, 0)) END AS cases
                    FROM case_report
                    WHERE NOT deleted AND week_start BETWEEN ? AND ? AND region_code LIKE ? || '%'
                      AND length(region_code) >= 12
                    GROUP BY 1, 2, 3) per_category
                GROUP BY village, week_start""")) {
            select.setObject(1, weeks.get(0).start());
            select.setObject(2, weeks.get(weeks.size() - 1).start());
            select.setString(3, code);
            Map<String, Map<LocalDate, Long>> cases = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    cases.computeIfAbsent(rows.getString(1), village -> new HashMap<>())
                            .put(rows.getObject(2, LocalDate.class), rows.getLong(3));
                }
            }
            return cases;
        }
    }
}
