package io.fanzha.reporting.scenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.fanzha.contracts.CampaignData;
import io.fanzha.contracts.CaseFigures;
import io.fanzha.contracts.CaseReportData;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.ExpectationData;
import io.fanzha.contracts.FraudCategoryData;
import io.fanzha.contracts.GoalData;
import io.fanzha.contracts.OutreachData;
import io.fanzha.contracts.OutreachKind;
import io.fanzha.contracts.RegionData;
import io.fanzha.contracts.TargetGroup;
import io.fanzha.contracts.TaskData;
import io.fanzha.contracts.Topics;
import io.fanzha.contracts.UnitData;
import io.fanzha.contracts.UnitType;
import io.fanzha.reporting.support.Events;

/**
 * A synthetic county with known events, so every figure the reports give can be worked out by hand (the expected
 * values in {@link CountyScenarioTest} are). Township 991002100 has three villages of 100, 200 and 300 households;
 * township 991002101 says it has none. Weekly case figures run through 2023 and the first eight weeks of 2024:
 * <ul>
 * <li>2023, every week: village A 2 ONLINE_LOAN cases (1,000.00 lost), B 1 ORDER_BRUSHING (500.00), C 1 ONLINE_LOAN
 * (200.00);</li>
 * <li>2024-W01..W08: A 1 ONLINE_LOAN (800.00), B 1 ORDER_BRUSHING (500.00), C nothing; A's W03 first reported as 5
 * (5,000.00) and corrected late; C's W04 ORDER_BRUSHING reported (3) and deleted; the township's own W05 ONLINE_LOAN
 * total of 4 (3,000.00), which counts instead of its villages' for that week and category.</li>
 * </ul>
 * Door-to-door visits by unit U1: A's households 1–30 on 2024-01-20 and 31–60 on 2024-02-10 (household 1 again),
 * B's 1–50 on 2024-02-15; a voided visit to A-61 and a rejected one to A-62. Lectures by U2 in A: one on 2024-01-20,
 * two on 02-05, two on 02-20. Posters and banners for task T1 (below).
 */
final class CountyScenario {

    static final String COUNTY = "991002";
    static final String TOWNSHIP = "991002100";
    static final String EMPTY_TOWNSHIP = "991002101";
    static final String A = "991002100201";
    static final String B = "991002100202";
    static final String C = "991002100203";
    static final String REPORTER = "agency-test";
    /** A village of another county, visited while a rebuild runs. */
    static final String OTHER_VILLAGE = "991004100201";

    static final UUID CAMPAIGN = UUID.randomUUID();
    static final UUID U1 = UUID.randomUUID();
    static final UUID U2 = UUID.randomUUID();
    static final UUID GOAL_CASES = UUID.randomUUID();
    static final UUID GOAL_LOSS = UUID.randomUUID();
    static final UUID GOAL_COVERAGE = UUID.randomUUID();
    static final UUID GOAL_LECTURES = UUID.randomUUID();
    static final UUID GOAL_NO_COMPARATOR = UUID.randomUUID();
    static final UUID TASK_POSTERS = UUID.randomUUID();
    static final UUID TASK_VISITS = UUID.randomUUID();

    static final OffsetDateTime SET_UP = OffsetDateTime.parse("2024-01-01T08:00:00+08:00");
    /** When A's W03 figure was corrected: after W03 closed (its Sunday, 2024-01-21, plus two days). */
    static final OffsetDateTime W03_CORRECTED = OffsetDateTime.parse("2024-01-30T10:00:00+08:00");

    private final Events events;

    CountyScenario(Events events) {
        this.events = events;
    }

    void publish() {
        regions();
        plan();
        caseFigures();
        outreach();
    }

    private void regions() {
        region(COUNTY, "测试县二", "99", "COUNTY", null);
        region(TOWNSHIP, "旌阳镇", COUNTY, "TOWNSHIP", 600);
        region(EMPTY_TOWNSHIP, "空镇", COUNTY, "TOWNSHIP", 0);
        region(A, "三溪村", TOWNSHIP, "VILLAGE", 100);
        region(B, "柳溪村", TOWNSHIP, "VILLAGE", 200);
        region(C, "玉屏村", TOWNSHIP, "VILLAGE", 300);
        casestats(EventTypes.FRAUD_CATEGORY_CREATED, "CN",
                new FraudCategoryData("ONLINE_LOAN", "网络贷款诈骗", "Online loan fraud", true, true, 1, 0), SET_UP);
        casestats(EventTypes.FRAUD_CATEGORY_CREATED, "CN",
                new FraudCategoryData("ORDER_BRUSHING", "刷单返利诈骗", "Order brushing", true, true, 2, 0), SET_UP);
        casestats(EventTypes.EXPECTATION_CREATED, COUNTY,
                new ExpectationData(UUID.randomUUID(), COUNTY, "VILLAGE", "WEEK", REPORTER, 2, 0), SET_UP);
    }

    private void plan() {
        campaign(EventTypes.CAMPAIGN_CREATED, new CampaignData(CAMPAIGN, "防范电信网络诈骗集中宣传活动", null, COUNTY,
                LocalDate.parse("2024-01-10"), LocalDate.parse("2024-03-31"), List.of(), List.of(), "ACTIVE", List.of(), 0));
        campaign(EventTypes.UNIT_CREATED, new UnitData(U1, "测试派出所", UnitType.POLICE_STATION, COUNTY, List.of(),
                "张三", "所长", true, 0));
        campaign(EventTypes.UNIT_CREATED, new UnitData(U2, "测试中学", UnitType.SCHOOL, COUNTY, List.of(), "李四", "校长",
                true, 0));
        goal(GOAL_CASES, "CASES", List.of(), COUNTY, "2024-Q1", null, -10, null, null, List.of());
        goal(GOAL_LOSS, "LOSS", List.of("ONLINE_LOAN"), TOWNSHIP, "2024-Q1", null, -20, null, null, List.of());
        goal(GOAL_COVERAGE, "COVERAGE", List.of(), TOWNSHIP, null, LocalDate.parse("2024-03-31"), null, 100, null,
                List.of());
        goal(GOAL_LECTURES, "ACTIVITY_COUNT", List.of(), COUNTY, null, LocalDate.parse("2024-03-31"), null, null, 12,
                List.of("LECTURE"));
        goal(GOAL_NO_COMPARATOR, "CASES", List.of("ORDER_BRUSHING"), C, "2024-Q1", null, -10, null, null, List.of());
        // A goal set and deleted counts nowhere.
        UUID deleted = UUID.randomUUID();
        goal(deleted, "CASES", List.of(), COUNTY, "2024", null, -30, null, null, List.of());
        campaign(EventTypes.GOAL_DELETED, new GoalData(deleted, CAMPAIGN, "CASES", List.of(), COUNTY, "2024", null, -30,
                null, null, List.of(), 1));
        campaign(EventTypes.TASK_CREATED, new TaskData(TASK_POSTERS, CAMPAIGN, "张贴反诈海报和横幅", "SOCIAL_FACE",
                List.of(U1, U2), COUNTY, LocalDate.parse("2024-01-31"), 10, List.of("POSTER", "BANNER"), null, null, 0));
        campaign(EventTypes.TASK_CREATED, new TaskData(TASK_VISITS, CAMPAIGN, "入户走访全覆盖", "DOOR_TO_DOOR",
                List.of(U1), TOWNSHIP, LocalDate.parse("2024-03-31"), null, List.of(), 100, null, 0));
    }

    private void caseFigures() {
        for (int week = 1; week <= 52; week++) {
            String period = "2023-W%02d".formatted(week);
            report(A, period, "ONLINE_LOAN", 2, "1000.00", 0, EventTypes.CASE_REPORT_CREATED);
            report(B, period, "ORDER_BRUSHING", 1, "500.00", 0, EventTypes.CASE_REPORT_CREATED);
            report(C, period, "ONLINE_LOAN", 1, "200.00", 0, EventTypes.CASE_REPORT_CREATED);
        }
        for (int week = 1; week <= 8; week++) {
            String period = "2024-W%02d".formatted(week);
            report(A, period, "ONLINE_LOAN", week == 3 ? 5 : 1, week == 3 ? "5000.00" : "800.00", 0,
                    EventTypes.CASE_REPORT_CREATED);
            report(B, period, "ORDER_BRUSHING", 1, "500.00", 0, EventTypes.CASE_REPORT_CREATED);
        }
        casestats(EventTypes.CASE_REPORT_UPDATED, COUNTY, new CaseReportData(A, "2024-W03", "ONLINE_LOAN",
                figures(1, "800.00"), figures(5, "5000.00"), REPORTER, null, 1), W03_CORRECTED);
        report(C, "2024-W04", "ORDER_BRUSHING", 3, "900.00", 0, EventTypes.CASE_REPORT_CREATED);
        casestats(EventTypes.CASE_REPORT_DELETED, COUNTY, new CaseReportData(C, "2024-W04", "ORDER_BRUSHING", null,
                figures(3, "900.00"), REPORTER, null, 1), reportedAfter("2024-W04").plusHours(1));
        report(TOWNSHIP, "2024-W05", "ONLINE_LOAN", 4, "3000.00", 0, EventTypes.CASE_REPORT_CREATED);
    }

    private void outreach() {
        for (int household = 1; household <= 60; household++) {
            visit(A, household, household <= 30 ? "2024-01-20" : "2024-02-10", false, "PENDING");
        }
        visit(A, 1, "2024-02-10", false, "APPROVED");
        for (int household = 1; household <= 50; household++) {
            visit(B, household, "2024-02-15", false, "PENDING");
        }
        visit(A, 61, "2024-02-10", true, "PENDING");
        visit(A, 62, "2024-02-10", false, "REJECTED");
        for (String day : List.of("2024-01-20", "2024-02-05", "2024-02-05", "2024-02-20", "2024-02-20")) {
            record(OutreachKind.LECTURE, A, U2, null, day, new OutreachData.Metrics(null, 30, null, 4, null, null), null,
                    false, "PENDING");
        }
        // T1 (posters and banners by U1 and U2 by 2024-01-31, 10 in all): U1 two carrying the task, two of its kinds in
        // its region without a task; U2 a banner in time, a poster too late, and a voided poster.
        poster(OutreachKind.POSTER, U1, TASK_POSTERS, "2024-01-15", 50, false);
        poster(OutreachKind.POSTER, U1, TASK_POSTERS, "2024-01-30", 50, false);
        poster(OutreachKind.POSTER, U1, null, "2024-01-22", 50, false);
        poster(OutreachKind.POSTER, U1, null, "2024-01-31", 50, false);
        poster(OutreachKind.BANNER, U2, null, "2024-01-25", 2, false);
        poster(OutreachKind.POSTER, U2, null, "2024-02-05", 30, false);
        poster(OutreachKind.POSTER, U2, null, "2024-01-26", 40, true);
    }

    /** A region tree down to {@link #OTHER_VILLAGE} and a visit to each of its first households. */
    static void anotherVillageVisited(Events events, int households) {
        CountyScenario scenario = new CountyScenario(events);
        scenario.region("991004", "另一县", "99", "COUNTY", null);
        scenario.region("991004100", "另一镇", "991004", "TOWNSHIP", null);
        scenario.region(OTHER_VILLAGE, "另一村", "991004100", "VILLAGE", 1000);
        for (int household = 1; household <= households; household++) {
            UUID id = UUID.randomUUID();
            OffsetDateTime at = OffsetDateTime.parse("2024-02-20T10:00:00+08:00");
            events.send(Topics.OUTREACH, "991004", EventTypes.OUTREACH_RECORDED, outreach(id, OutreachKind.DOOR_TO_DOOR, at,
                    OTHER_VILLAGE, U1, null, new OutreachData.Metrics(null, 2, 1, null, null, null),
                    new OutreachData.Household("H-" + household, true), "PENDING", false, 0), at);
        }
    }

    private void visit(String village, int household, String day, boolean voided, String review) {
        record(OutreachKind.DOOR_TO_DOOR, village, U1, null, day, new OutreachData.Metrics(null, 2, 1, null, null, null),
                new OutreachData.Household("H-" + household, true), voided, review);
    }

    private void poster(OutreachKind kind, UUID unit, UUID task, String day, int materials, boolean voided) {
        record(kind, A, unit, task, day, new OutreachData.Metrics(materials, null, null, null, null, null), null, voided,
                "PENDING");
    }

    /** A record as logged, then (voided, or reviewed) its newer version. */
    private void record(OutreachKind kind, String region, UUID unit, UUID task, String day, OutreachData.Metrics metrics,
            OutreachData.Household household, boolean voided, String review) {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.parse(day + "T10:00:00+08:00");
        events.send(Topics.OUTREACH, COUNTY, EventTypes.OUTREACH_RECORDED, outreach(id, kind, at, region, unit, task,
                metrics, household, "PENDING", false, 0), at.plusHours(1));
        if (voided) {
            events.send(Topics.OUTREACH, COUNTY, EventTypes.OUTREACH_VOIDED, outreach(id, kind, at, region, unit, task,
                    metrics, household, "PENDING", true, 1), at.plusHours(2));
        } else if (!review.equals("PENDING")) {
            events.send(Topics.OUTREACH, COUNTY, EventTypes.OUTREACH_REVIEWED, outreach(id, kind, at, region, unit, task,
                    metrics, household, review, false, 1), at.plusDays(2));
        }
    }

    private static OutreachData outreach(UUID id, OutreachKind kind, OffsetDateTime at, String region, UUID unit,
            UUID task, OutreachData.Metrics metrics, OutreachData.Household household, String review, boolean voided,
            long version) {
        return new OutreachData(id, kind, at, region, unit, null, task, TargetGroup.RURAL_RESIDENTS, metrics, household,
                null, null, "worker-1", "device-1", review, review.equals("REJECTED") ? "照片不符" : null,
                review.equals("PENDING") ? null : "inspector-1", review.equals("PENDING") ? null : at.plusDays(2), voided,
                voided ? "重复录入" : null, null, version);
    }

    private void region(String code, String name, String parent, String level, Integer households) {
        campaign(EventTypes.REGION_CREATED, new RegionData(code, name, parent, level, "", households,
                households == null ? null : households * 3, 0));
    }

    private void goal(UUID id, String metric, List<String> categories, String region, String period, LocalDate deadline,
            Integer changePercent, Integer percent, Integer count, List<String> kinds) {
        campaign(EventTypes.GOAL_CREATED, new GoalData(id, CAMPAIGN, metric, categories, region, period, deadline,
                changePercent, percent, count, kinds, 0));
    }

    private void report(String region, String period, String category, int cases, String loss, long version,
            String type) {
        casestats(type, COUNTY, new CaseReportData(region, period, category, figures(cases, loss), null, REPORTER, null,
                version), reportedAfter(period));
    }

    /** Reports come on the Monday after their week, 09:00 China time. */
    static OffsetDateTime reportedAfter(String week) {
        LocalDate monday = io.fanzha.platform.period.Period.parse(week).end().plusDays(1);
        return monday.atTime(9, 0).atOffset(ZoneOffset.ofHours(8));
    }

    private static CaseFigures figures(int cases, String loss) {
        return new CaseFigures(cases, new BigDecimal(loss), null, null, null, null, null);
    }

    private void campaign(String type, Object data) {
        events.send(Topics.CAMPAIGN, COUNTY, type, data, SET_UP);
    }

    private void casestats(String type, String key, Object data, OffsetDateTime time) {
        events.send(Topics.CASE_STATS, key, type, data, time);
    }
}
