package io.fanzha.reporting.scenario;

import static io.fanzha.reporting.scenario.CountyScenario.A;
import static io.fanzha.reporting.scenario.CountyScenario.B;
import static io.fanzha.reporting.scenario.CountyScenario.C;
import static io.fanzha.reporting.scenario.CountyScenario.CAMPAIGN;
import static io.fanzha.reporting.scenario.CountyScenario.COUNTY;
import static io.fanzha.reporting.scenario.CountyScenario.TOWNSHIP;
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

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
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

/**
 * Feeds the known events of {@link CountyScenario} and asserts every figure of coverage, goal attainment, task
 * progress, the weekly bulletin and the work summary, worked out by hand; then rebuilds the read models from the
 * topics and gets the same answers.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CountyScenarioTest {

    static boolean published;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void publishOnce() throws Exception {
        ReadModels.awaitActive();
        if (!published) {
            try (Events events = new Events(mapper)) {
                new CountyScenario(events).publish();
                events.awaitApplied();
            }
            published = true;
        }
    }

    @Test
    @Order(1)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void coverageCountsDistinctHouseholdsOfCountedVisits() throws Exception {
        JsonNode township = get("/api/v1/reports/coverage/" + TOWNSHIP + "?asOf=2024-02-26");
        assertEquals(600, township.get("residentHouseholds").asInt());
        // 60 in A (household 1 twice; the voided and the rejected visit not at all) and 50 in B.
        assertEquals(110, township.get("householdsReached").asLong());
        assertEquals("18.3", township.get("percent").asText());
        assertTrue(township.path("percentUnavailable").isMissingNode());
        // 80 of them in the 28 days to 2024-02-26; the other 490 at 80 per 28 days take 172 days more.
        assertEquals(80, township.at("/pace/householdsReached").asLong());
        assertEquals("2.9", township.at("/pace/householdsPerDay").asText());
        assertEquals("2024-08-16", township.at("/pace/projectedCompletion").asText());
        assertEquals(List.of(A + " 100 60 60.0", B + " 200 50 25.0", C + " 300 0 0.0"),
                rows(township.get("children"), "regionCode", "residentHouseholds", "householdsReached", "percent"));
        JsonNode goal = township.at("/goals/0");
        assertEquals(CountyScenario.GOAL_COVERAGE.toString(), goal.get("goalId").asText());
        assertEquals("AT_RISK", goal.get("status").asText());
        assertEquals("2024-08-16", goal.get("projectedCompletion").asText());

        // From February: A's households 31-60, household 1 again (first seen in January), and B's 50.
        JsonNode february = get("/api/v1/reports/coverage/" + TOWNSHIP + "?from=2024-02-01&asOf=2024-02-26");
        assertEquals(81, february.get("householdsReached").asLong());
        assertEquals(List.of(A + " 31", B + " 50", C + " 0"), rows(february.get("children"), "regionCode", "householdsReached"));
        JsonNode january = get("/api/v1/reports/coverage/" + TOWNSHIP + "?from=2024-01-10&asOf=2024-01-31");
        assertEquals(30, january.get("householdsReached").asLong());
        assertEquals("5.0", january.get("percent").asText());
    }

    @Test
    @Order(1)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void aRegionWithoutKnownHouseholdsSaysSoInsteadOfAPercentage() throws Exception {
        JsonNode county = get("/api/v1/reports/coverage/" + COUNTY + "?asOf=2024-02-26");
        assertEquals(110, county.get("householdsReached").asLong());
        assertTrue(county.path("percent").isMissingNode());
        assertEquals("RESIDENT_HOUSEHOLDS_UNKNOWN", county.get("percentUnavailable").asText());
        assertTrue(county.at("/pace/projectedCompletion").isMissingNode());
        assertEquals(List.of(TOWNSHIP + " 110 18.3 absent", CountyScenario.EMPTY_TOWNSHIP + " 0 absent NO_RESIDENT_HOUSEHOLDS"),
                rows(county.get("children"), "regionCode", "householdsReached", "percent", "percentUnavailable"));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void goalsAreJudgedOnCompletedWeeksAgainstTheSameWeeksLastYear() throws Exception {
        JsonNode running = get("/api/v1/reports/campaigns/" + CAMPAIGN + "/attainment?asOf=2024-02-26");
        assertEquals(List.of(
                "CASES 19 32 -40.6 ON_TRACK",
                // The township's own W05 total (3,000.00) counts instead of A's 800.00 for that week.
                "LOSS 8600.00 9600.00 -10.4 AT_RISK",
                "COVERAGE 18.3 absent absent AT_RISK",
                "ACTIVITY_COUNT 5 absent absent AT_RISK",
                "CASES 0 0 absent ON_TRACK"),
                rows(running.get("goals"), "metric", "current", "comparator", "changePercent", "status"));
        JsonNode cases = running.at("/goals/0");
        assertEquals("2024-01-01 2024-02-25 8 false", row(cases.get("window"), "from", "to", "weeks", "complete"));
        assertEquals("2023-01-02 2023-02-26 8", row(cases.get("comparedWith"), "from", "to", "weeks"));
        assertEquals("-10", cases.at("/target/changePercent").asText());
        assertEquals("2024-04-15", running.at("/goals/3/projectedCompletion").asText());
        assertTrue(running.at("/goals/4/reason").asText().contains("no percentage"), running.at("/goals/4/reason").asText());

        JsonNode over = get("/api/v1/reports/campaigns/" + CAMPAIGN + "/attainment?asOf=2024-04-08");
        assertEquals(List.of("CASES 19 52 -63.5 ACHIEVED", "LOSS 8600.00 15600.00 -44.9 ACHIEVED",
                "COVERAGE 18.3 absent absent MISSED", "ACTIVITY_COUNT 5 absent absent MISSED", "CASES 0 0 absent ACHIEVED"),
                rows(over.get("goals"), "metric", "current", "comparator", "changePercent", "status"));

        JsonNode early = get("/api/v1/reports/campaigns/" + CAMPAIGN + "/attainment?asOf=2024-01-03");
        assertEquals(List.of("NOT_STARTED", "NOT_STARTED", "NOT_STARTED", "NOT_STARTED", "NOT_STARTED"),
                rows(early.get("goals"), "status"));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void tasksCountTheirRecordsPerResponsibleUnit() throws Exception {
        JsonNode late = get("/api/v1/reports/campaigns/" + CAMPAIGN + "/tasks?asOf=2024-02-26");
        assertEquals(List.of("张贴反诈海报和横幅 5 50.0 true OVERDUE", "入户走访全覆盖 18.3 18.3 false BEHIND"),
                rows(late.get("tasks"), "title", "done", "percentDone", "overdue", "status"));
        assertEquals(List.of(CountyScenario.U1 + " 测试派出所 4 5 true", CountyScenario.U2 + " 测试中学 1 5 true"),
                rows(late.at("/tasks/0/units"), "unitId", "name", "done", "share", "behind"));
        assertEquals(List.of(CountyScenario.U1 + " 110"), rows(late.at("/tasks/1/units"), "unitId", "done"));

        // On 2024-01-20, 11 of the task's 22 days: 5 due, 1 done; each unit's 5 asks for 3 by then.
        JsonNode midway = get("/api/v1/reports/campaigns/" + CAMPAIGN + "/tasks?asOf=2024-01-20");
        assertEquals("1 BEHIND false", row(midway.at("/tasks/0"), "done", "status", "overdue"));
        assertEquals(List.of("1 true", "0 true"), rows(midway.at("/tasks/0/units"), "done", "behind"));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void theWeeklyBulletinGivesEachRegionItsFiguresBesideLastYear() throws Exception {
        JsonNode bulletin = get("/api/v1/reports/bulletins/" + TOWNSHIP + "/2024-W05");
        assertEquals("2024-01-29 2024-02-04 2023-W05", row(bulletin, "from", "to", "comparedWith"));
        assertEquals(List.of(
                TOWNSHIP + " 0 5 4 25.0 3500.00 1700.00 105.9",
                A + " 1 1 2 -50.0 800.00 1000.00 -20.0",
                B + " 1 1 1 0.0 500.00 500.00 0.0",
                C + " 1 0 1 -100.0 0.00 200.00 -100.0"),
                StreamSupport.stream(bulletin.get("rows").spliterator(), false).map(r -> r.get("regionCode").asText()
                        + " " + r.get("depth").asText() + " " + row(r.get("total"), "cases", "casesLastYear",
                                "casesChangePercent", "loss", "lossLastYear", "lossChangePercent")).toList());
        assertEquals(List.of("ONLINE_LOAN 网络贷款诈骗 4 3 33.3", "ORDER_BRUSHING 刷单返利诈骗 1 1 0.0"),
                StreamSupport.stream(bulletin.at("/rows/0/categories").spliterator(), false).map(c -> c.get("category")
                        .asText() + " " + c.get("name").asText() + " " + row(c.get("figures"), "cases", "casesLastYear",
                                "casesChangePercent")).toList());
        assertEquals(List.of("POSTER 2 0 0 100"),
                rows(bulletin.get("outreach"), "kind", "records", "peopleReached", "householdsReached", "materials"));
        assertEquals("30 600 5.0", row(bulletin.get("coverage"), "householdsReached", "residentHouseholds", "percent"));
        assertEquals(List.of(C + " 玉屏村 agency-test 2024-02-06"),
                rows(bulletin.get("notReported"), "regionCode", "name", "reporter", "deadline"));
        JsonNode trend = bulletin.get("trend");
        assertEquals(12, trend.size());
        assertEquals("2023-W46 4 1700.00 0 0.00", row(trend.get(0), "week", "cases", "loss", "casesLastYear", "lossLastYear"));
        assertEquals("2024-W04 2 1300.00 4", row(trend.get(10), "week", "cases", "loss", "casesLastYear"));
        assertEquals("2024-W05 5 3500.00 4 1700.00", row(trend.get(11), "week", "cases", "loss", "casesLastYear", "lossLastYear"));
        assertTrue(bulletin.path("revisedAt").isMissingNode());
    }

    @Test
    @Order(1)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void aClosedWeekCorrectedLateSaysWhenItWasRevised() throws Exception {
        JsonNode bulletin = get("/api/v1/reports/bulletins/" + COUNTY + "/2024-W03");
        assertEquals(CountyScenario.W03_CORRECTED.toInstant(),
                OffsetDateTime.parse(bulletin.get("revisedAt").asText()).toInstant());
        // The corrected figure replaced the first one: A's 1 and B's 1.
        assertEquals("2 1300.00", row(bulletin.at("/rows/0/total"), "cases", "loss"));
        assertEquals(List.of(COUNTY + " 0", TOWNSHIP + " 1", A + " 2", B + " 2", C + " 2",
                CountyScenario.EMPTY_TOWNSHIP + " 1"), rows(bulletin.get("rows"), "regionCode", "depth"));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void theBulletinComesAsCsvXlsxAndPdf() throws Exception {
        String csv = new String(given().get("/api/v1/reports/bulletins/" + TOWNSHIP + "/2024-W05?format=csv").then().statusCode(200)
                .contentType("text/csv").header("Content-Disposition",
                        "attachment; filename=\"bulletin-" + TOWNSHIP + "-2024-W05.csv\"")
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("三溪村"), csv);
        byte[] xlsx = given().get("/api/v1/reports/bulletins/" + TOWNSHIP + "/2024-W05?format=xlsx").then()
                .statusCode(200).extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertTrue(workbook.getSheets().count() >= 5);
        }
        byte[] pdf = given().get("/api/v1/reports/bulletins/" + TOWNSHIP + "/2024-W05?format=pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("旌阳镇") && text.contains("玉屏村") && text.contains("2024-W05"), text);
        }
    }

    @Test
    @Order(1)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void aWorkSummaryAddsUpWhatItsCampaignOrUnitDid() throws Exception {
        JsonNode campaign = get("/api/v1/reports/work-summary?campaignId=" + CAMPAIGN);
        assertEquals("2024-01-10 2024-03-31 " + COUNTY, row(campaign, "from", "to", "within"));
        assertEquals("122 230 2 0 0 5 372 110 20 0", row(campaign.get("totals"), "records", "posters", "banners",
                "ledScreens", "leaflets", "talks", "peopleReached", "householdsVisited", "appInstalls", "receiptsReturned"));
        JsonNode unit = get("/api/v1/reports/work-summary?unitId=" + CountyScenario.U2 + "&period=2024-01");
        assertEquals("测试中学", unit.get("unitName").asText());
        assertEquals("2 0 2 1 30 4", row(unit.get("totals"), "records", "posters", "banners", "talks", "peopleReached",
                "appInstalls"));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void badInputIsAProblem() {
        problem("/api/v1/reports/coverage/" + TOWNSHIP + "?asOf=2024-02-30", 400, "request.invalid");
        problem("/api/v1/reports/coverage/" + TOWNSHIP + "?from=2024-03-01&asOf=2024-02-01", 400, "request.invalid");
        problem("/api/v1/reports/coverage/99100x", 400, "region.code-invalid");
        problem("/api/v1/reports/coverage/991002999", 404, "region.not-found");
        problem("/api/v1/reports/bulletins/" + TOWNSHIP + "/2024-02", 400, "period.invalid");
        problem("/api/v1/reports/bulletins/" + TOWNSHIP + "/2024-W54", 400, "period.invalid");
        problem("/api/v1/reports/bulletins/" + TOWNSHIP + "/2024-W05?format=docx", 400, "request.invalid");
        problem("/api/v1/reports/campaigns/not-a-uuid/attainment", 400, "request.invalid");
        problem("/api/v1/reports/campaigns/" + UUID.randomUUID() + "/tasks", 404, "campaign.not-found");
        problem("/api/v1/reports/work-summary?within=" + COUNTY, 400, "request.invalid");
        problem("/api/v1/reports/work-summary?unitId=" + UUID.randomUUID() + "&period=2024", 404,
                "unit.not-found");
    }

    @Test
    @Order(1)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "991003"))
    void anotherCountysReportsAreOutOfScope() {
        for (String path : List.of("/api/v1/reports/coverage/" + TOWNSHIP, "/api/v1/reports/bulletins/" + COUNTY + "/2024-W05",
                "/api/v1/reports/campaigns/" + CAMPAIGN + "/attainment", "/api/v1/reports/campaigns/" + CAMPAIGN + "/tasks",
                "/api/v1/reports/work-summary?within=" + COUNTY + "&period=2024",
                "/api/v1/reports/work-summary?campaignId=" + CAMPAIGN,
                "/api/v1/reports/work-summary?unitId=" + CountyScenario.U1 + "&period=2024")) {
            problem(path, 403, "scope.forbidden");
        }
    }

    @Test
    @Order(1)
    @TestSecurity(user = "stranger", roles = "not-a-fanzha-role")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void aCallerWithoutAFanzhaRoleIsForbidden() {
        for (String path : List.of("/api/v1/reports/coverage/" + TOWNSHIP, "/api/v1/reports/bulletins/" + COUNTY + "/2024-W05",
                "/api/v1/reports/campaigns/" + CAMPAIGN + "/attainment", "/api/v1/reports/campaigns/" + CAMPAIGN + "/tasks",
                "/api/v1/reports/work-summary?period=2024", "/api/v1/reports/generations")) {
            problem(path, 403, "auth.forbidden");
        }
        given().post("/api/v1/reports/rebuilds").then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("auth.forbidden"));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void onlyANationalAdminRebuilds() {
        given().post("/api/v1/reports/rebuilds").then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("scope.forbidden"));
        problem("/api/v1/reports/generations/999999", 404, "generation.not-found");
    }

    @Test
    @Order(2)
    @TestSecurity(user = "national-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "CN"))
    void aRebuildFromTheTopicsGivesTheSameAnswers() throws Exception {
        List<String> queries = List.of("/api/v1/reports/coverage/" + TOWNSHIP + "?asOf=2024-02-26",
                "/api/v1/reports/coverage/" + COUNTY + "?asOf=2024-02-26",
                "/api/v1/reports/campaigns/" + CAMPAIGN + "/attainment?asOf=2024-02-26",
                "/api/v1/reports/campaigns/" + CAMPAIGN + "/tasks?asOf=2024-02-26",
                "/api/v1/reports/bulletins/" + COUNTY + "/2024-W05", "/api/v1/reports/bulletins/" + TOWNSHIP + "/2024-W03",
                "/api/v1/reports/work-summary?campaignId=" + CAMPAIGN,
                "/api/v1/reports/regions/" + COUNTY + "/summary");
        Map<String, JsonNode> before = new LinkedHashMap<>();
        for (String query : queries) {
            before.put(query, withoutFreshness(get(query)));
        }
        var response = given().post("/api/v1/reports/rebuilds").then().statusCode(202).extract();
        JsonNode started = JSON.readTree(response.asString());
        int id = started.get("id").asInt();
        assertEquals("BUILDING", started.get("state").asText());
        assertTrue(response.header("Location").endsWith("/api/v1/reports/generations/" + id), response.header("Location"));
        // Events keep coming while the replay runs: each one ends up in the new generation once.
        try (Events during = new Events(mapper)) {
            CountyScenario.anotherVillageVisited(during, 300);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> "ACTIVE".equals(
                    get("/api/v1/reports/generations/" + id).get("state").asText()));
            during.awaitApplied();
        }
        assertEquals(300, get("/api/v1/reports/coverage/" + CountyScenario.OTHER_VILLAGE + "?asOf=2024-03-01")
                .get("householdsReached").asLong());
        assertEquals(300, ReadModels.countInActive("SELECT count(*) FROM outreach WHERE region_code = '"
                + CountyScenario.OTHER_VILLAGE + "'"));
        for (String query : queries) {
            JsonNode after = get(query);
            assertEquals(id, after.at("/freshness/generation").asInt(), query);
            assertEquals(before.get(query), withoutFreshness(after), query);
        }
        JsonNode generations = get("/api/v1/reports/generations");
        assertEquals(List.of(id + " ACTIVE", (id - 1) + " RETIRED"), rows(generations, "id", "state").subList(0, 2));
    }
}
