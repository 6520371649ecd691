package io.fanzha.reporting.scenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.fanzha.contracts.AgeBand;
import io.fanzha.contracts.CampaignData;
import io.fanzha.contracts.CaseData;
import io.fanzha.contracts.CaseFigures;
import io.fanzha.contracts.CaseReportData;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.EvidenceFlagData;
import io.fanzha.contracts.ExpectationData;
import io.fanzha.contracts.OutreachData;
import io.fanzha.contracts.OutreachKind;
import io.fanzha.contracts.RegionData;
import io.fanzha.contracts.SpotCheckResultData;
import io.fanzha.contracts.TargetGroup;
import io.fanzha.contracts.TaskData;
import io.fanzha.contracts.Topics;
import io.fanzha.contracts.UnitData;
import io.fanzha.contracts.UnitType;
import io.fanzha.platform.period.Period;
import io.fanzha.reporting.support.Events;

/**
 * A second synthetic county for trace-back, effectiveness and assessment, every figure worked out by hand in
 * {@link InsightScenarioTest}. All villages have 100 resident households.
 * <p>
 * <b>Township T (991006100), trace-back and effectiveness.</b> Door-to-door visits (households H-1..H-50 unless
 * said): R1 and R2 on 2022-12-10; W2 on 2023-07-05; W1 on 2024-01-03, and a talk to the elderly there on 2024-01-20;
 * N2 only H-1..H-10 on 2024-03-01; N1 a voided visit to H-5 on 2024-03-05. X has no households, Y no case figures.
 * Weekly cases (one category, a figure every week of 2023 and 2024, 0 where not said): R1, R2 one a week in 2023-W01..W10;
 * N1, N2 one a week in W01..W15 of both years; W1 one a week in 2023-W01..W26, 2024-W01 and 2024-W02..W06; W2 one a week
 * in 2023-W01..W13 and 2024-W10..W16. Case records: see {@link #cases()}.
 * <p>
 * <b>Township T2 (991006101), assessment of 2024-Q1.</b> Villages G1, G2; units UA (police station of T2), UB (school
 * in G1), UC (village committee of G2). Task TA: 10 posters by UA and UB (a share of 5 each); task TB: 50 % of T2's
 * 200 households by UA. UA: 5 posters for TA; visits to G1 H-1..H-60 on 2024-02-01 (H-1 and H-2 share a photo, H-3
 * denied by a spot check and put under review, H-4..H-8 confirmed, H-8 after a first denial); visits to G2
 * H-1..H-20 on 2024-03-05 (H-1 rejected, H-2 with issues) and a voided one. UB: 4 posters for TA, the last two sharing
 * a photo on different days. Weekly reports by agency-t2 (due two days after each week): G1 every week of Q1 on time
 * with one case (two a week in 2023-W01..W13); G2 one case a week (one in 2023 too), W05 a day late and W09 missing.
 */
final class InsightScenario {

    static final String COUNTY = "991006";
    static final String T = "991006100";
    static final String R1 = "991006100201";
    static final String R2 = "991006100202";
    static final String N1 = "991006100203";
    static final String N2 = "991006100204";
    static final String W1 = "991006100205";
    static final String W2 = "991006100206";
    static final String X = "991006100207";
    static final String Y = "991006100208";
    static final String T2 = "991006101";
    static final String G1 = "991006101201";
    static final String G2 = "991006101202";
    static final String REPORTER = "agency-t2";

    static final UUID CAMPAIGN = UUID.randomUUID();
    static final UUID UA = UUID.randomUUID();
    static final UUID UB = UUID.randomUUID();
    static final UUID UC = UUID.randomUUID();
    static final UUID UT = UUID.randomUUID();
    static final UUID TA = UUID.randomUUID();
    static final UUID TB = UUID.randomUUID();
    static final UUID SPOT_CHECK = UUID.randomUUID();

    /** Case records, numbered so that cases of one day come in this order. */
    static final UUID K1 = id(1);
    static final UUID K2 = id(2);
    static final UUID K3 = id(3);
    static final UUID K4 = id(4);
    static final UUID K5 = id(5);
    static final UUID K6 = id(6);
    static final UUID K7 = id(7);
    static final UUID K8 = id(8);
    static final UUID K9 = id(9);

    static final OffsetDateTime SET_UP = OffsetDateTime.parse("2022-12-01T08:00:00+08:00");

    /** Records the checks found fault with, and the one a spot check denied. */
    final List<UUID> uaFlagged = new ArrayList<>();
    UUID uaDenied;
    UUID uaRejected;
    UUID uaWithIssues;
    final List<UUID> ubFlagged = new ArrayList<>();
    /** W1's visit to H-1, and to H-2. */
    UUID w1FirstVisit;
    UUID w1SecondVisit;
    UUID r1FirstVisit;

    private final Events events;

    InsightScenario(Events events) {
        this.events = events;
    }

    void publish() {
        regions();
        plan();
        traceBackVillages();
        weeklyFigures();
        cases();
        assessedWork();
    }

    private void regions() {
        region(COUNTY, "测试县六", "99", "COUNTY", null);
        region(T, "甲镇", COUNTY, "TOWNSHIP", 800);
        for (String village : List.of(R1, R2, N1, N2, W1, W2, Y)) {
            region(village, "村" + village.substring(9), T, "VILLAGE", 100);
        }
        region(X, "村207", T, "VILLAGE", 0);
        region(T2, "乙镇", COUNTY, "TOWNSHIP", 200);
        region(G1, "东村", T2, "VILLAGE", 100);
        region(G2, "西村", T2, "VILLAGE", 100);
        casestats(EventTypes.EXPECTATION_CREATED, new ExpectationData(UUID.randomUUID(), T2, "VILLAGE", "WEEK", REPORTER,
                2, 0), SET_UP);
    }

    private void plan() {
        campaign(EventTypes.CAMPAIGN_CREATED, new CampaignData(CAMPAIGN, "一季度反诈宣传", null, COUNTY,
                LocalDate.parse("2024-01-01"), LocalDate.parse("2024-03-31"), List.of(), List.of(), "ACTIVE", List.of(), 0));
        unit(UA, "乙镇派出所", UnitType.POLICE_STATION, T2);
        unit(UB, "东村小学", UnitType.SCHOOL, G1);
        unit(UC, "西村村委会", UnitType.VILLAGE_COMMITTEE, G2);
        unit(UT, "甲镇派出所", UnitType.POLICE_STATION, T);
        campaign(EventTypes.TASK_CREATED, new TaskData(TA, CAMPAIGN, "张贴反诈海报", "SOCIAL_FACE", List.of(UA, UB), T2,
                LocalDate.parse("2024-03-31"), 10, List.of("POSTER"), null, null, 0));
        campaign(EventTypes.TASK_CREATED, new TaskData(TB, CAMPAIGN, "入户走访过半", "DOOR_TO_DOOR", List.of(UA), T2,
                LocalDate.parse("2024-03-31"), null, List.of(), 50, null, 0));
    }

    private void traceBackVillages() {
        for (int household = 1; household <= 50; household++) {
            UUID r1 = visit(UT, R1, household, "2022-12-10");
            if (household == 1) {
                r1FirstVisit = r1;
            }
            visit(UT, R2, household, "2022-12-10");
            visit(UT, W2, household, "2023-07-05");
            UUID w1 = visit(UT, W1, household, "2024-01-03");
            if (household == 1) {
                w1FirstVisit = w1;
            } else if (household == 2) {
                w1SecondVisit = w1;
            }
        }
        record(UT, OutreachKind.LECTURE, W1, null, null, "2024-01-20", TargetGroup.ELDERLY, "PENDING", false);
        for (int household = 1; household <= 10; household++) {
            visit(UT, N2, household, "2024-03-01");
        }
        record(UT, OutreachKind.DOOR_TO_DOOR, N1, null, "H-5", "2024-03-05", TargetGroup.RURAL_RESIDENTS, "PENDING", true);
    }

    private void weeklyFigures() {
        for (int year : List.of(2023, 2024)) {
            for (int week = 1; week <= 52; week++) {
                String period = "%d-W%02d".formatted(year, week);
                boolean firstTen = year == 2023 && week <= 10;
                report(R1, period, firstTen ? 1 : 0);
                report(R2, period, firstTen ? 1 : 0);
                report(N1, period, week <= 15 ? 1 : 0);
                report(N2, period, week <= 15 ? 1 : 0);
                report(W1, period, year == 2023 ? (week <= 26 ? 1 : 0) : (week <= 6 ? 1 : 0));
                report(W2, period, year == 2023 ? (week <= 13 ? 1 : 0) : (week >= 10 && week <= 16 ? 1 : 0));
                report(X, period, 1);
            }
        }
        for (int week = 1; week <= 13; week++) {
            report(G1, "2023-W%02d".formatted(week), 2);
            report(G2, "2023-W%02d".formatted(week), 1);
            report(G1, "2024-W%02d".formatted(week), 1);
            if (week == 5) {
                reportAt(G2, "2024-W05", 1, mondayAfter("2024-W05").plusDays(2));
            } else if (week != 9) {
                report(G2, "2024-W%02d".formatted(week), 1);
            }
        }
    }

    /**
     * K1: W1's H-1, 2024-02-01, elderly (visited 2024-01-03); K2: W1's H-99, 2024-02-01, a student (the village only);
     * K3: N1's H-5, 2024-03-10 (its visit voided); K4: N2's H-50, 2024-02-20 (N2 visited only after); K5: R1's H-1,
     * 2024-03-20 (visited 2022-12-10, long before); K6: township T itself, 2024-01-25; K7 in N1, deleted; K8 in W2,
     * 2024-04-05 (after the quarter); K9 recorded in N2 on 2024-02-15, then corrected to W1's H-2 on 2024-01-31.
     */
    private void cases() {
        recordCase(K1, "2024-02-01", W1, "H-1", TargetGroup.ELDERLY, 0);
        recordCase(K2, "2024-02-01", W1, "H-99", TargetGroup.STUDENTS, 0);
        recordCase(K3, "2024-03-10", N1, "H-5", null, 0);
        recordCase(K4, "2024-02-20", N2, "H-50", TargetGroup.RURAL_RESIDENTS, 0);
        recordCase(K5, "2024-03-20", R1, "H-1", TargetGroup.ELDERLY, 0);
        recordCase(K6, "2024-01-25", T, null, TargetGroup.GENERAL_PUBLIC, 0);
        recordCase(K7, "2024-03-01", N1, null, null, 0);
        casestats(EventTypes.CASE_DELETED, caseData(K7, "2024-03-01", N1, null, null, 1), SET_UP.plusYears(2));
        recordCase(K8, "2024-04-05", W2, null, null, 0);
        recordCase(K9, "2024-02-15", N2, null, null, 0);
        casestats(EventTypes.CASE_UPDATED, caseData(K9, "2024-01-31", W1, "H-2", TargetGroup.ELDERLY, 1),
                SET_UP.plusYears(2));
    }

    private void assessedWork() {
        for (int i = 1; i <= 5; i++) {
            record(UA, OutreachKind.POSTER, G1, TA, null, "2024-01-1" + i, null, "PENDING", false);
        }
        List<UUID> ubPosters = new ArrayList<>();
        for (String day : List.of("2024-01-10", "2024-01-12", "2024-02-01", "2024-02-03")) {
            ubPosters.add(record(UB, OutreachKind.POSTER, G1, TA, null, day, null, "PENDING", false));
        }
        ubFlagged.addAll(ubPosters.subList(2, 4));
        flag(UB, ubPosters.get(2), ubPosters.get(3), "DIFFERENT_DAYS", G1);
        flag(UB, ubPosters.get(3), ubPosters.get(2), "DIFFERENT_DAYS", G1);
        List<UUID> g1 = new ArrayList<>();
        for (int household = 1; household <= 60; household++) {
            g1.add(visit(UA, G1, household, "2024-02-01"));
        }
        uaFlagged.addAll(g1.subList(0, 2));
        flag(UA, g1.get(0), g1.get(1), "DIFFERENT_HOUSEHOLDS", G1);
        flag(UA, g1.get(1), g1.get(0), "DIFFERENT_HOUSEHOLDS", G1);
        uaDenied = g1.get(2);
        spotCheck(uaDenied, "DENIED", "2024-02-20T10:00:00+08:00");
        review(uaDenied, UA, G1, "H-3", "2024-02-01", "HAS_ISSUES");
        for (int household = 4; household <= 8; household++) {
            if (household == 8) {
                spotCheck(g1.get(7), "DENIED", "2024-02-20T11:00:00+08:00");
            }
            spotCheck(g1.get(household - 1), "CONFIRMED", "2024-02-21T10:00:00+08:00");
        }
        for (int household = 1; household <= 20; household++) {
            String review = household == 1 ? "REJECTED" : household == 2 ? "HAS_ISSUES" : "PENDING";
            UUID id = record(UA, OutreachKind.DOOR_TO_DOOR, G2, null, "H-" + household, "2024-03-05",
                    TargetGroup.RURAL_RESIDENTS, review, false);
            if (household == 1) {
                uaRejected = id;
            } else if (household == 2) {
                uaWithIssues = id;
            }
        }
        record(UA, OutreachKind.DOOR_TO_DOOR, G2, null, "H-21", "2024-03-06", TargetGroup.RURAL_RESIDENTS, "PENDING", true);
    }

    private UUID visit(UUID unit, String village, int household, String day) {
        return record(unit, OutreachKind.DOOR_TO_DOOR, village, null, "H-" + household, day, TargetGroup.RURAL_RESIDENTS,
                "PENDING", false);
    }

    /** A record as logged, then (voided, or reviewed) its newer version. */
    private UUID record(UUID unit, OutreachKind kind, String region, UUID task, String household, String day,
            TargetGroup group, String review, boolean voided) {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.parse(day + "T10:00:00+08:00");
        events.send(Topics.OUTREACH, COUNTY, EventTypes.OUTREACH_RECORDED,
                outreach(id, kind, at, region, unit, task, household, group, "PENDING", false, 0), at.plusHours(1));
        if (voided) {
            events.send(Topics.OUTREACH, COUNTY, EventTypes.OUTREACH_VOIDED,
                    outreach(id, kind, at, region, unit, task, household, group, "PENDING", true, 1), at.plusHours(2));
        } else if (!review.equals("PENDING")) {
            events.send(Topics.OUTREACH, COUNTY, EventTypes.OUTREACH_REVIEWED,
                    outreach(id, kind, at, region, unit, task, household, group, review, false, 1), at.plusDays(2));
        }
        return id;
    }

    private void review(UUID id, UUID unit, String region, String household, String day, String review) {
        OffsetDateTime at = OffsetDateTime.parse(day + "T10:00:00+08:00");
        events.send(Topics.OUTREACH, COUNTY, EventTypes.OUTREACH_REVIEWED, outreach(id, OutreachKind.DOOR_TO_DOOR, at,
                region, unit, null, household, TargetGroup.RURAL_RESIDENTS, review, false, 1), at.plusDays(20));
    }

    private static OutreachData outreach(UUID id, OutreachKind kind, OffsetDateTime at, String region, UUID unit,
            UUID task, String household, TargetGroup group, String review, boolean voided, long version) {
        OutreachData.Metrics metrics = kind == OutreachKind.DOOR_TO_DOOR
                ? new OutreachData.Metrics(null, 2, 1, null, null, null)
                : new OutreachData.Metrics(10, 30, null, null, null, null);
        return new OutreachData(id, kind, at, region, unit, CAMPAIGN, task, group, metrics,
                household == null ? null : new OutreachData.Household(household, true), null, null, "worker-6",
                "device-6", review, review.equals("PENDING") || review.equals("APPROVED") ? null : "需核实",
                review.equals("PENDING") ? null : "inspector-6", review.equals("PENDING") ? null : at.plusDays(2), voided,
                voided ? "重复录入" : null, null, version);
    }

    private void flag(UUID unit, UUID record, UUID sharedWith, String reason, String region) {
        OffsetDateTime at = OffsetDateTime.parse("2024-02-05T12:00:00+08:00");
        events.send(Topics.OUTREACH, COUNTY, EventTypes.EVIDENCE_FLAGGED, new EvidenceFlagData(record, region, unit,
                "worker-6", "a".repeat(63) + (reason.equals("DIFFERENT_DAYS") ? "d" : "h"), reason, List.of(sharedWith),
                at), at);
    }

    private void spotCheck(UUID record, String result, String at) {
        OffsetDateTime time = OffsetDateTime.parse(at);
        events.send(Topics.OUTREACH, COUNTY, EventTypes.SPOT_CHECK_RECORDED, new SpotCheckResultData(SPOT_CHECK, record,
                G1, "worker-6", result, null, "inspector-6", time), time);
    }

    private void recordCase(UUID id, String day, String region, String household, TargetGroup group, long version) {
        casestats(EventTypes.CASE_RECORDED, caseData(id, day, region, household, group, version),
                LocalDate.parse(day).plusDays(1).atTime(9, 0).atOffset(ZoneOffset.ofHours(8)));
    }

    private static CaseData caseData(UUID id, String day, String region, String household, TargetGroup group,
            long version) {
        return new CaseData(id, LocalDate.parse(day), region, "ONLINE_LOAN", new BigDecimal("1000.00"),
                AgeBand.AGE_60_PLUS, group, null, household, version);
    }

    private void report(String region, String week, int cases) {
        reportAt(region, week, cases, mondayAfter(week));
    }

    private void reportAt(String region, String week, int cases, OffsetDateTime at) {
        casestats(EventTypes.CASE_REPORT_CREATED, new CaseReportData(region, week, "ONLINE_LOAN",
                new CaseFigures(cases, new BigDecimal(cases * 1000 + ".00"), null, null, null, null, null), null,
                REPORTER, null, 0), at);
    }

    /** Reports come on the Monday after their week, 09:00 China time. */
    private static OffsetDateTime mondayAfter(String week) {
        return Period.parse(week).end().plusDays(1).atTime(9, 0).atOffset(ZoneOffset.ofHours(8));
    }

    private void region(String code, String name, String parent, String level, Integer households) {
        campaign(EventTypes.REGION_CREATED, new RegionData(code, name, parent, level, "", households,
                households == null ? null : households * 3, 0));
    }

    private void unit(UUID id, String name, UnitType type, String region) {
        campaign(EventTypes.UNIT_CREATED, new UnitData(id, name, type, region, List.of(), "联络人", "主任", true, 0));
    }

    private void campaign(String type, Object data) {
        events.send(Topics.CAMPAIGN, COUNTY, type, data, SET_UP);
    }

    private void casestats(String type, Object data, OffsetDateTime time) {
        events.send(Topics.CASE_STATS, COUNTY, type, data, time);
    }

    private static UUID id(int n) {
        return UUID.fromString("00000000-0000-4000-8000-%012d".formatted(n));
    }
}
