package io.fanzha.reporting.scenario;

import static io.fanzha.reporting.scenario.InsightScenario.COUNTY;
import static io.fanzha.reporting.scenario.InsightScenario.G1;
import static io.fanzha.reporting.scenario.InsightScenario.G2;
import static io.fanzha.reporting.scenario.InsightScenario.K1;
import static io.fanzha.reporting.scenario.InsightScenario.K2;
import static io.fanzha.reporting.scenario.InsightScenario.K3;
import static io.fanzha.reporting.scenario.InsightScenario.K4;
import static io.fanzha.reporting.scenario.InsightScenario.K5;
import static io.fanzha.reporting.scenario.InsightScenario.K6;
import static io.fanzha.reporting.scenario.InsightScenario.K9;
import static io.fanzha.reporting.scenario.InsightScenario.N1;
import static io.fanzha.reporting.scenario.InsightScenario.N2;
import static io.fanzha.reporting.scenario.InsightScenario.R1;
import static io.fanzha.reporting.scenario.InsightScenario.T;
import static io.fanzha.reporting.scenario.InsightScenario.T2;
import static io.fanzha.reporting.scenario.InsightScenario.TA;
import static io.fanzha.reporting.scenario.InsightScenario.TB;
import static io.fanzha.reporting.scenario.InsightScenario.UA;
import static io.fanzha.reporting.scenario.InsightScenario.UB;
import static io.fanzha.reporting.scenario.InsightScenario.UC;
import static io.fanzha.reporting.scenario.InsightScenario.W1;
import static io.fanzha.reporting.support.Answers.JSON;
import static io.fanzha.reporting.support.Answers.PROBLEM;
import static io.fanzha.reporting.support.Answers.get;
import static io.fanzha.reporting.support.Answers.problem;
import static io.fanzha.reporting.support.Answers.row;
import static io.fanzha.reporting.support.Answers.rows;
import static io.fanzha.reporting.support.Answers.withoutFreshness;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.reporting.support.Events;
import io.fanzha.reporting.support.ReadModels;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

/**
 * Feeds the known events of {@link InsightScenario} and asserts the trace-back of every case, the effectiveness
 * figures with their sample sizes, and every unit's score part by part, worked out by hand; then a new version of
 * the scheme leaves the old scores as they were, and a rebuild gives the same answers.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InsightScenarioTest {

    /** Unique per run: schemes are the service's own data and outlive a test run's events. */
    static final String SCHEME = "t6-" + UUID.randomUUID().toString().substring(0, 8);
    static final String SCORES = "/api/v1/reports/assessment-schemes/" + SCHEME + "/scores?period=2024-Q1&asOf=2024-04-10";
    static final String V1_RULES = """
            {"weights": {"taskCompletion": 30, "coverage": 25, "reportingTimeliness": 15, "caseTrend": 15,
              "evidenceQuality": 15}, "coverageTargetPercent": 100, "caseTrendFullAtPercent": -10,
              "caseTrendZeroAtPercent": 10}""";
    static final String V2_RULES = """
            {"weights": {"taskCompletion": 25, "coverage": 25, "reportingTimeliness": 10, "caseTrend": 15,
              "evidenceQuality": 25},
             "weightsByUnitType": {"SCHOOL": {"taskCompletion": 60, "coverage": 0, "reportingTimeliness": 0,
              "caseTrend": 10, "evidenceQuality": 30}},
             "coverageTargetPercent": 50, "caseTrendFullAtPercent": -10, "caseTrendZeroAtPercent": 10}""";
    static InsightScenario scenario;
    /** The v1 scores as first answered, to compare after v2 is published. */
    static JsonNode v1Scores;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void publishOnce() throws Exception {
        ReadModels.awaitActive();
        if (scenario == null) {
            try (Events events = new Events(mapper)) {
                InsightScenario published = new InsightScenario(events);
                published.publish();
                events.awaitApplied();
                scenario = published;
            }
        }
    }

    @Test
    @Order(1)
    @TestSecurity(user = "inspector", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void traceBackNamesForEachCaseTheOutreachBeforeIt() throws Exception {
        JsonNode answer = get("/api/v1/reports/trace-back/" + T + "?period=2024-Q1");
        assertEquals("2024-01-01 2024-03-31 90", row(answer, "from", "to", "withinDays"));
        // K7 deleted and K8 after the quarter are left out; K9 counts where it was corrected to. A victim's group is
        // "reached" only when outreach there reached it (K6 is of the general public; K3's group is not known).
        assertEquals("7 2 1 1 3", row(answer.get("summary"), "cases", "household", "village", "region", "none"));
        assertEquals(List.of(
                K6 + " 2024-01-25 REGION 0 51 false",
                K9 + " 2024-01-31 HOUSEHOLD 1 51 true",
                K1 + " 2024-02-01 HOUSEHOLD 1 51 true",
                K2 + " 2024-02-01 VILLAGE 0 51 false",
                K4 + " 2024-02-20 NONE 0 0 false",
                K3 + " 2024-03-10 NONE 0 0 absent",
                K5 + " 2024-03-20 NONE 0 0 false"),
                answer.get("cases").valueStream().map(c -> row(c, "caseId", "occurredOn", "reached") + " "
                        + c.get("householdVisits").size() + " " + row(c, "areaRecords", "victimGroupReached")).toList());
        JsonNode k1 = answer.at("/cases/2");
        assertEquals("/api/v1/cases/" + K1, k1.get("href").asText());
        assertEquals("2023-11-03 2024-01-31 " + W1 + " H-1 ELDERLY", row(k1, "searchedFrom", "searchedTo", "villageCode",
                "householdRef", "targetGroup"));
        assertEquals(scenario.w1FirstVisit + " 2024-01-03 DOOR_TO_DOOR /api/v1/outreach/" + scenario.w1FirstVisit,
                row(k1.at("/householdVisits/0"), "recordId", "occurredOn", "kind", "href"));
        assertEquals("[\"ELDERLY\",\"RURAL_RESIDENTS\"]", k1.get("groupsReached").toString());
        // The 20 newest of the village's 51 records, the talk of 2024-01-20 first.
        assertEquals(20, k1.get("areaOutreach").size());
        assertEquals("2024-01-20 LECTURE ELDERLY", row(k1.at("/areaOutreach/0"), "occurredOn", "kind", "targetGroup"));
        assertEquals(scenario.w1SecondVisit.toString(), answer.at("/cases/1/householdVisits/0/recordId").asText());
        assertEquals(List.of(R1 + " 1 100", N1 + " 1 100", N2 + " 1 100"),
                rows(answer.get("villagesWithoutOutreach"), "code", "cases", "residentHouseholds"));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "coordinator", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "region", value = T))
    void traceBackSearchesAsFarBackAsAsked() throws Exception {
        JsonNode answer = get("/api/v1/reports/trace-back/" + T + "?period=2024-03&withinDays=500");
        // K3 and K5 happened in March; R1's H-1 was visited 2022-12-10, 466 days before K5.
        assertEquals("2 1 0 0 1", row(answer.get("summary"), "cases", "household", "village", "region", "none"));
        assertEquals(scenario.r1FirstVisit.toString(), answer.at("/cases/1/householdVisits/0/recordId").asText());
        assertEquals(List.of(N1), rows(answer.get("villagesWithoutOutreach"), "code"));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void effectivenessComparesReachedVillagesWithTheOthers() throws Exception {
        JsonNode answer = get("/api/v1/reports/effectiveness/" + T + "?from=2023-01-02&to=2024-12-29&minimumVillages=2");
        assertEquals("2023-01-02 2024-12-29 104 50 2", row(answer, "from", "to", "weeks", "roundPercent",
                "minimumVillages"));
        assertEquals("6 1 1", row(answer.get("sample"), "villages", "withoutHouseholds", "withoutFigures"));
        // R1, R2: 20 cases on 200 households; N1, N2: 60 on 200.
        JsonNode versus = answer.get("reachedVersusNotReached");
        assertEquals("2 200 20 100.00", row(versus.get("reached"), "villages", "households", "cases", "per1000Households"));
        assertEquals("2 200 60 300.00", row(versus.get("notReached"), "villages", "households", "cases",
                "per1000Households"));
        assertEquals("-200.00 true", row(versus, "difference", "enoughData"));
        // W1 (52 weeks before its round's week, 51 after) and W2 (26 and 77): 39 cases in 7,800 household-weeks
        // before, 12 in 12,800 after; N1 and N2 over the same weeks, weighted alike: 6,000 and 5,800 case-households.
        JsonNode beforeAfter = answer.get("beforeAfter");
        assertEquals("2 200 39 12 20.00 3.75 -16.25", row(beforeAfter.get("reached"), "villages", "households",
                "casesBefore", "casesAfter", "per1000HouseholdsPer4WeeksBefore", "per1000HouseholdsPer4WeeksAfter",
                "change"));
        assertEquals("2 200 30 30 15.38 9.06 -6.32", row(beforeAfter.get("control"), "villages", "households",
                "casesBefore", "casesAfter", "per1000HouseholdsPer4WeeksBefore", "per1000HouseholdsPer4WeeksAfter",
                "change"));
        assertEquals("-9.93 true", row(beforeAfter, "differenceInDifferences", "enoughData"));
        assertEquals(List.of(
                R1 + " REACHED_BEFORE 2022-12-10 10 absent absent",
                "991006100202 REACHED_BEFORE 2022-12-10 10 absent absent",
                N1 + " NOT_REACHED absent 30 absent absent",
                N2 + " NOT_REACHED absent 30 absent absent",
                W1 + " REACHED_WITHIN 2024-01-03 32 26 5",
                "991006100206 REACHED_WITHIN 2023-07-05 20 13 7"),
                rows(answer.get("villages"), "code", "group", "roundEnded", "cases", "casesBefore", "casesAfter"));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void effectivenessSaysNotEnoughDataRatherThanANumber() throws Exception {
        JsonNode answer = get("/api/v1/reports/effectiveness/" + T + "?from=2023-01-02&to=2024-12-29");
        JsonNode versus = answer.get("reachedVersusNotReached");
        assertEquals("false Not enough data: 2 villages had their first round before the first week, at least 5 are "
                + "needed.", row(versus, "enoughData", "reason"));
        assertEquals("2 200 20 absent", row(versus.get("reached"), "villages", "households", "cases", "per1000Households"));
        assertTrue(versus.path("difference").isMissingNode());
        JsonNode beforeAfter = answer.get("beforeAfter");
        assertEquals("false absent", row(beforeAfter, "enoughData", "differenceInDifferences"));
        assertEquals("2 39 12 absent", row(beforeAfter.get("reached"), "villages", "casesBefore", "casesAfter",
                "per1000HouseholdsPer4WeeksBefore"));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "inspector", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void badInputIsAProblem() {
        problem("/api/v1/reports/trace-back/" + T, 400, "request.invalid");
        problem("/api/v1/reports/trace-back/" + T + "?period=2024-Q5", 400, "period.invalid");
        problem("/api/v1/reports/trace-back/" + T + "?period=2024-Q1&withinDays=0", 400, "request.invalid");
        problem("/api/v1/reports/trace-back/" + T + "?period=2024-Q1&withinDays=ninety", 400, "request.invalid");
        problem("/api/v1/reports/trace-back/99100x?period=2024-Q1", 400, "region.code-invalid");
        problem("/api/v1/reports/trace-back/991006109?period=2024-Q1", 404, "region.not-found");
        problem("/api/v1/reports/effectiveness/" + T, 400, "request.invalid");
        problem("/api/v1/reports/effectiveness/" + T + "?from=2024-13-01", 400, "request.invalid");
        problem("/api/v1/reports/effectiveness/" + T + "?from=2024-01-05&to=2024-01-06", 400, "request.invalid");
        problem("/api/v1/reports/effectiveness/" + T + "?from=2023-01-02&minimumVillages=1", 400, "request.invalid");
        problem("/api/v1/reports/effectiveness/" + T + "?from=2023-01-02&roundPercent=101", 400, "request.invalid");
    }

    @Test
    @Order(1)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void aViewerReadsNoCaseRecords() {
        problem("/api/v1/reports/trace-back/" + T + "?period=2024-Q1", 403, "auth.forbidden");
    }

    @Test
    @Order(1)
    @TestSecurity(user = "inspector", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "region", value = "991004"))
    void anotherCountysInsightIsOutOfScope() {
        problem("/api/v1/reports/trace-back/" + T + "?period=2024-Q1", 403, "scope.forbidden");
        problem("/api/v1/reports/effectiveness/" + T + "?from=2023-01-02", 403, "scope.forbidden");
    }

    @Test
    @Order(2)
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void aCountyAdminPublishesAScheme() throws Exception {
        String bad = V1_RULES.replace("\"caseTrend\": 15", "\"caseTrend\": 16");
        post("/api/v1/reports/assessment-schemes", scheme(bad)).statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("assessment-scheme.rules-invalid"));
        post("/api/v1/reports/assessment-schemes", scheme(V1_RULES.replace("-10", "10"))).statusCode(400)
                .body("code", equalTo("assessment-scheme.rules-invalid"));
        post("/api/v1/reports/assessment-schemes", scheme(V1_RULES.replace("\"weights\"", "\"weightz\"")))
                .statusCode(400).contentType(PROBLEM);
        problem("/api/v1/reports/assessment-schemes/" + SCHEME, 404, "assessment-scheme.not-found");
        var created = post("/api/v1/reports/assessment-schemes", scheme(V1_RULES)).statusCode(201).extract();
        assertTrue(created.header("Location").endsWith("/api/v1/reports/assessment-schemes/" + SCHEME + "/versions/1"));
        JsonNode v1 = JSON.readTree(created.asString());
        assertEquals("1 " + COUNTY + " county-admin [1]", row(v1, "version", "regionCode", "publishedBy") + " "
                + v1.get("versions"));
        post("/api/v1/reports/assessment-schemes", scheme(V1_RULES)).statusCode(409)
                .body("code", equalTo("assessment-scheme.exists"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "worker", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void aFieldWorkerPublishesNoScheme() {
        post("/api/v1/reports/assessment-schemes", scheme(V1_RULES)).statusCode(403)
                .body("code", equalTo("auth.forbidden"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "other-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "991004"))
    void anotherCountysAdminPublishesNoSchemeHere() {
        post("/api/v1/reports/assessment-schemes", scheme(V1_RULES)).statusCode(403)
                .body("code", equalTo("scope.forbidden"));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void everyUnitIsScoredPartByPart() throws Exception {
        JsonNode answer = get(SCORES + "&within=" + T2);
        assertEquals("1 2024-01-01 2024-03-31 2024-04-10", row(answer, "schemeVersion", "from", "to", "asOf"));
        assertEquals(List.of(UA + " 1 76.24", UB + " 2 63.75", UC + " 3 55.38"),
                rows(answer.get("units"), "unitId", "rank", "score"));
        // UA: tasks (5 of 5 posters; 75 of the 100 households TB asks), coverage 75 of 200, 24 of 26 reports on time,
        // cases 39 → 25, evidence 80 of 85 records clean times 5 of 6 visits confirmed.
        assertEquals(List.of("TASK_COMPLETION 30 87.5 26.25 3.75", "COVERAGE 25 37.5 9.38 15.63",
                "REPORTING_TIMELINESS 15 92.3 13.85 1.15", "CASE_TREND 15 100.0 15.00 0.00",
                "EVIDENCE_QUALITY 15 78.4 11.76 3.24"),
                rows(answer.at("/units/0/parts"), "part", "weight", "percent", "points", "pointsLost"));
        assertEquals("75 200", row(answer.at("/units/0/parts/1/facts"), "householdsReached", "residentHouseholds"));
        assertEquals("85 5 5 1 83.3", row(answer.at("/units/0/parts/4/facts"), "records", "recordsWithFindings",
                "spotChecksConfirmed", "spotChecksDenied", "confirmationRate"));
        // UB: 2 of its share of 5 (two posters share a photo), G1's 57 households, every report, evidence 2 of 4.
        assertEquals(List.of("TASK_COMPLETION 40.0 12.00", "COVERAGE 57.0 14.25", "REPORTING_TIMELINESS 100.0 15.00",
                "CASE_TREND 100.0 15.00", "EVIDENCE_QUALITY 50.0 7.50"),
                rows(answer.at("/units/1/parts"), "part", "percent", "points"));
        // UC has no task and no record: its 55 applicable points are made 100.
        assertEquals(List.of("TASK_COMPLETION false absent absent", "COVERAGE true 45.45 8.18",
                "REPORTING_TIMELINESS true 27.27 23.08", "CASE_TREND true 27.27 24.13",
                "EVIDENCE_QUALITY false absent absent"),
                rows(answer.at("/units/2/parts"), "part", "applicable", "effectiveWeight", "points"));
        assertTrue(answer.at("/units/0/parts/0/records").isMissingNode());
        v1Scores = withoutFreshness(answer);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "ua", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "region", value = T2))
    void aUnitSeesTheRecordsThatCostItPoints() throws Exception {
        JsonNode answer = get("/api/v1/reports/assessment-schemes/" + SCHEME + "/scores/" + UA
                + "?period=2024-Q1&asOf=2024-04-10");
        JsonNode parts = answer.at("/unit/parts");
        assertEquals("76.24", answer.at("/unit/score").asText());
        assertEquals(List.of("TASK " + TB + " 3.75 /api/v1/campaigns/" + InsightScenario.CAMPAIGN + "/tasks/" + TB),
                rows(parts.at("/0/records"), "type", "id", "pointsLost", "href"));
        assertEquals(List.of("VILLAGE " + G2 + " 10.25 82", "VILLAGE " + G1 + " 5.38 43"),
                parts.at("/1/records").valueStream().map(r -> row(r, "type", "id", "pointsLost") + " "
                        + r.at("/facts/shortOfTarget").asText()).toList());
        assertEquals(List.of("WEEKLY_REPORT " + G2 + "/2024-W05/agency-t2 0.58 LATE",
                "WEEKLY_REPORT " + G2 + "/2024-W09/agency-t2 0.58 MISSING"),
                parts.at("/2/records").valueStream().map(r -> row(r, "type", "id", "pointsLost") + " "
                        + r.at("/facts/status").asText()).toList());
        assertEquals(0, parts.at("/3/records").size());
        // The denied visit first: a fault, and a sample that says others may be faked too.
        JsonNode evidence = parts.at("/4/records");
        assertEquals(List.of(scenario.uaDenied + " 2.53 [\"SPOT_CHECK_DENIED\",\"REVIEW_HAS_ISSUES\"]"),
                List.of(row(evidence.get(0), "id", "pointsLost") + " " + evidence.at("/0/facts/findings")));
        // Then the others, each 1/85 of the part (records of one cost come by day, then id).
        assertEquals(List.of("0.18 [\"EVIDENCE_DIFFERENT_HOUSEHOLDS\"]", "0.18 [\"EVIDENCE_DIFFERENT_HOUSEHOLDS\"]",
                "0.18 [\"REVIEW_HAS_ISSUES\"]", "0.18 [\"REVIEW_REJECTED\"]"),
                evidence.valueStream().skip(1).map(r -> r.get("pointsLost").asText() + " " + r.at("/facts/findings"))
                        .sorted().toList());
        assertEquals("/api/v1/outreach/" + scenario.uaDenied, evidence.at("/0/href").asText());
    }

    @Test
    @Order(3)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void scoresRefuseBadInput() {
        problem(SCORES.replace("period=2024-Q1&", ""), 400, "request.invalid");
        problem(SCORES.replace("2024-Q1", "2024-Q9"), 400, "period.invalid");
        problem(SCORES + "&version=zero", 400, "request.invalid");
        problem(SCORES + "&version=9", 404, "assessment-scheme.not-found");
        problem(SCORES + "&within=991004", 403, "scope.forbidden");
        problem("/api/v1/reports/assessment-schemes/no-such-scheme/scores?period=2024-Q1", 404,
                "assessment-scheme.not-found");
        problem("/api/v1/reports/assessment-schemes/" + SCHEME + "/scores/not-a-uuid?period=2024-Q1", 400,
                "request.invalid");
        problem("/api/v1/reports/assessment-schemes/" + SCHEME + "/scores/" + UUID.randomUUID() + "?period=2024-Q1", 404,
                "unit.not-found");
    }

    @Test
    @Order(3)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "991004"))
    void anotherCountysViewerReadsNeitherTheSchemeNorTheScores() {
        problem("/api/v1/reports/assessment-schemes/" + SCHEME, 403, "scope.forbidden");
        problem(SCORES, 403, "scope.forbidden");
        problem("/api/v1/reports/assessment-schemes/" + SCHEME + "/scores/" + UA + "?period=2024-Q1", 403,
                "scope.forbidden");
    }

    @Test
    @Order(3)
    @TestSecurity(user = "g1-viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = G1))
    void aVillageReadsItsCountysSchemeAndItsOwnUnits() throws Exception {
        assertEquals(SCHEME, get("/api/v1/reports/assessment-schemes/" + SCHEME).get("code").asText());
        assertEquals(List.of(SCHEME), rows(get("/api/v1/reports/assessment-schemes"), "code").stream()
                .filter(code -> code.equals(SCHEME)).toList());
        assertEquals(List.of(UB + " 1 63.75"), rows(get(SCORES).get("units"), "unitId", "rank", "score"));
        problem("/api/v1/reports/assessment-schemes/" + SCHEME + "/scores/" + UA + "?period=2024-Q1", 403,
                "scope.forbidden");
    }

    @Test
    @Order(4)
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void aNewVersionLeavesTheOldScoresAsTheyWere() throws Exception {
        var published = post("/api/v1/reports/assessment-schemes/" + SCHEME + "/versions",
                "{\"name\": \"一季度考核（修订）\", \"rules\": " + V2_RULES + "}").statusCode(201).extract();
        assertTrue(published.header("Location").endsWith("/versions/2"));
        assertEquals("[1,2]", JSON.readTree(published.asString()).get("versions").toString());
        assertEquals(v1Scores, withoutFreshness(get(SCORES + "&within=" + T2 + "&version=1")));
        assertEquals(V1_RULES.replaceAll("\\s", ""), get("/api/v1/reports/assessment-schemes/" + SCHEME + "/versions/1")
                .get("rules").toString().replace(",\"weightsByUnitType\":null", ""));
        // v2: other weights, a school's own, half the households as the coverage target.
        JsonNode v2 = get(SCORES + "&within=" + T2);
        assertEquals(List.of(UA + " 1 84.46", UC + " 2 61.46", UB + " 3 49.00"),
                rows(v2.get("units"), "unitId", "rank", "score"));
        assertEquals(2, v2.get("schemeVersion").asInt());
        post("/api/v1/reports/assessment-schemes/no-such-scheme/versions", "{\"name\": \"x\", \"rules\": " + V2_RULES
                + "}").statusCode(404).body("code", equalTo("assessment-scheme.not-found"));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "national-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "CN"))
    void aRebuildFromTheTopicsGivesTheSameAnswers() throws Exception {
        List<String> queries = List.of("/api/v1/reports/trace-back/" + T + "?period=2024-Q1",
                "/api/v1/reports/effectiveness/" + T + "?from=2023-01-02&to=2024-12-29&minimumVillages=2",
                SCORES + "&version=1&within=" + T2,
                "/api/v1/reports/assessment-schemes/" + SCHEME + "/scores/" + UA + "?period=2024-Q1&asOf=2024-04-10");
        Map<String, JsonNode> before = new LinkedHashMap<>();
        for (String query : queries) {
            before.put(query, withoutFreshness(get(query)));
        }
        int id = JSON.readTree(given().post("/api/v1/reports/rebuilds").then().statusCode(202).extract().asString())
                .get("id").asInt();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> "ACTIVE".equals(
                get("/api/v1/reports/generations/" + id).get("state").asText()));
        for (String query : queries) {
            JsonNode after = get(query);
            assertEquals(id, after.at("/freshness/generation").asInt(), query);
            assertEquals(before.get(query), withoutFreshness(after), query);
        }
    }

    private static String scheme(String rules) {
        return "{\"code\": \"" + SCHEME + "\", \"regionCode\": \"" + COUNTY + "\", \"name\": \"一季度考核\", \"rules\": "
                + rules + "}";
    }

    private static io.restassured.response.ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }
}
