package io.fanzha.reporting.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fanzha.reporting.readmodel.Freshness;
import io.fanzha.reporting.unit.UnitRow;

/**
 * Scores units under one version of a scheme: each part's share earned (task completion and evidence quality from
 * the unit's own work and records; coverage, reporting timeliness and case trend from its region's subtree), weighed
 * by the scheme. The weights of parts that do not apply to a unit are shared out among those that do, so every
 * score is out of 100, and every point lost is laid on the records that cost it.
 */
final class Assessor {

    private final Connection connection;
    private final Scheme scheme;
    private final Window window;
    private final Findings findings;
    private final TaskCompletionPart tasks;
    /** The parts judged on a region, once per region however many of its units are scored. */
    private final Map<String, List<Part>> regionParts = new HashMap<>();

    private Assessor(Connection connection, Scheme scheme, Window window) throws SQLException {
        this.connection = connection;
        this.scheme = scheme;
        this.window = window;
        this.findings = Findings.load(connection, scheme.regionCode(), window.from(), window.to());
        this.tasks = new TaskCompletionPart(connection, window, findings);
    }

    static Assessment rank(Connection connection, Freshness freshness, Scheme scheme, String within, Window window)
            throws SQLException {
        Assessor assessor = new Assessor(connection, scheme, window);
        List<Assessment.UnitScore> scores = new ArrayList<>();
        for (UnitRow unit : UnitRow.activeWithin(connection, within)) {
            scores.add(assessor.score(unit, false));
        }
        return new Assessment(scheme.code(), scheme.version(), scheme.name(), within, window.period().toString(),
                window.from(), window.to(), window.asOf(), ranked(scores), freshness);
    }

    static Assessment.OfUnit one(Connection connection, Freshness freshness, Scheme scheme, UnitRow unit, Window window)
            throws SQLException {
        Assessment.UnitScore score = new Assessor(connection, scheme, window).score(unit, true);
        return new Assessment.OfUnit(scheme.code(), scheme.version(), scheme.name(), window.period().toString(),
                window.from(), window.to(), window.asOf(), score, freshness);
    }

    private Assessment.UnitScore score(UnitRow unit, boolean withRecords) throws SQLException {
        List<Part> parts = new ArrayList<>();
        parts.add(tasks.assess(unit));
        parts.addAll(regionParts(unit.regionCode()));
        parts.add(EvidencePart.assess(unit, window, findings));
        Weights weights = scheme.rules().weightsFor(unit.type());
        int applicable = parts.stream().filter(part -> part.earned() != null)
                .mapToInt(part -> weights.of(part.kind())).sum();
        String href = "/api/v1/reports/assessment-schemes/" + scheme.code() + "/scores/" + unit.id() + "?period="
                + window.period() + "&version=" + scheme.version() + "&asOf=" + window.asOf();
        List<Assessment.PartScore> scored = new ArrayList<>();
        double total = 0;
        for (Part part : parts) {
            int weight = weights.of(part.kind());
            if (part.earned() == null || applicable == 0) {
                scored.add(new Assessment.PartScore(part.kind().name(), weight, null, false, null, null, null,
                        part.reason(), part.facts(), null));
                continue;
            }
            double effective = weight * 100.0 / applicable;
            total += effective * part.earned();
            scored.add(new Assessment.PartScore(part.kind().name(), weight, points(effective), true,
                    Part.percent(part.earned()), points(effective * part.earned()),
                    points(effective * (1 - part.earned())), null, part.facts(),
                    withRecords ? costs(part, effective) : null));
        }
        if (applicable == 0) {
            return new Assessment.UnitScore(unit.id(), unit.name(), unit.type(), unit.regionCode(), null, null,
                    "No part of the scheme that carries points applies to the unit in the period.", href, scored);
        }
        return new Assessment.UnitScore(unit.id(), unit.name(), unit.type(), unit.regionCode(), null, points(total),
                null, href, scored);
    }

    private List<Part> regionParts(String region) throws SQLException {
        List<Part> parts = regionParts.get(region);
        if (parts == null) {
            parts = List.of(CoveragePart.assess(connection, region, scheme.rules(), window, findings),
                    TimelinessPart.assess(connection, region, window),
                    CaseTrendPart.assess(connection, region, scheme.rules(), window));
            regionParts.put(region, parts);
        }
        return parts;
    }

    private static List<Assessment.Cost> costs(Part part, double effective) {
        return part.costs().stream().sorted(Comparator.comparingDouble(Part.Cost::share).reversed())
                .map(cost -> new Assessment.Cost(cost.type(), cost.id(), cost.href(), points(effective * cost.share()),
                        cost.facts()))
                .toList();
    }

    /** Best first; equal scores share a rank (1, 2, 2, 4); units without a score last, unranked. */
    private static List<Assessment.UnitScore> ranked(List<Assessment.UnitScore> scores) {
        List<Assessment.UnitScore> sorted = new ArrayList<>(scores);
        sorted.sort(Comparator.comparing(Assessment.UnitScore::score, Comparator.nullsLast(Comparator.reverseOrder())));
        List<Assessment.UnitScore> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Assessment.UnitScore score = sorted.get(i);
            Integer rank = null;
            if (score.score() != null) {
                rank = i > 0 && score.score().equals(sorted.get(i - 1).score()) ? ranked.get(i - 1).rank() : i + 1;
            }
            ranked.add(new Assessment.UnitScore(score.unitId(), score.name(), score.type(), score.regionCode(), rank,
                    score.score(), score.reason(), score.href(), score.parts()));
        }
        return ranked;
    }

    private static BigDecimal points(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
