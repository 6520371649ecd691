package io.fanzha.casestats.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.fanzha.casestats.region.Regions;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.testing.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Agency systems push case reports as JSON or CSV: idempotent, corrected with an audit row naming the caller, bad
 * rows named by index, nothing stored on dryRun or a refused atomic push, rows outside the scope refused by code.
 * Ordered: the first test announces the regions and pushes the week the others correct and read.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseReportPushTest {

    static final String PROBLEM = "application/problem+json";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String WEEK = """
            {"rows": [
              {"regionCode": "341825100", "period": "2024-W05", "category": "ONLINE_LOAN", "cases": 3, "loss": "125000.00"},
              {"regionCode": "341825100201", "period": "2024-W05", "category": "ONLINE_LOAN", "cases": 1, "loss": 8000.5},
              {"regionCode": "341825100202", "period": "2024-W05", "category": "ORDER_BRUSHING", "cases": 0, "loss": 0}]}""";

    @Inject
    Regions regions;

    @Inject
    EntityManager em;

    static ValidatableResponse push(String json, String query) {
        return given().contentType(ContentType.JSON).body(json).post("/api/v1/case-reports" + query).then();
    }

    static ValidatableResponse pushCsv(String csv, String query) {
        return given().contentType("text/csv").body(csv).post("/api/v1/case-reports" + query).then();
    }

    static int stored(String region) {
        return given().queryParam("region", region).queryParam("size", 500).get("/api/v1/case-reports").then()
                .statusCode(200).extract().path("total");
    }

    @SuppressWarnings("unchecked")
    List<Object[]> events(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select event_type, event_key, "
                + "payload -> 'previous' ->> 'cases', payload -> 'figures' ->> 'cases', payload ->> 'changedBy' "
                + "from outbox_event where subject = ?1 order by seq").setParameter(1, subject).getResultList());
    }

    @Test
    @Order(1)
    @TestSecurity(user = "agency-demo", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aWeekIsPushedOnceAndTheSameFileAgainChangesNothing() throws Exception {
        for (String code : List.of("341825", "341825100", "341825100201", "341825100202", "341824")) {
            TopicWriter.send(Topics.CAMPAIGN, EventTypes.REGION_CREATED, code.substring(0, 6), code, """
                    {"code": "%s", "name": "区域", "parentCode": null, "level": "COUNTY", "path": "", "version": 0}"""
                    .formatted(code));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> regions.known(List.of("341825100", "341825100201", "341825100202", "341824")).size() == 4));

        push(WEEK, "").statusCode(200).body("status", equalTo("SUCCESS")).body("imported", equalTo(3))
                .body("conflictCount", equalTo(0));
        push(WEEK, "").statusCode(200).body("status", equalTo("SUCCESS")).body("imported", equalTo(0))
                .body("ignored", equalTo(3));
        given().queryParam("region", "341825100201").get("/api/v1/case-reports").then().statusCode(200)
                .body("items[0].loss", equalTo("8000.50")).body("items[0].cases", equalTo(1))
                .body("items[0].casesConcluded", nullValue()).body("items[0].updatedBy", equalTo("agency-demo"));
        List<Object[]> events = events("341825100/2024-W05/ONLINE_LOAN");
        assertEquals(1, events.size(), "the second push announced nothing");
        assertEquals(EventTypes.CASE_REPORT_CREATED, events.get(0)[0]);
        assertEquals("341825", events.get(0)[1]);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "agency-demo", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aCorrectionIsAnUpdateWithAnAuditRowAndAnEventOfOldAndNewValues() {
        push("""
                {"rows": [{"regionCode": "341825100", "period": "2024-W05", "category": "ONLINE_LOAN", "cases": 4}]}""", "")
                .statusCode(200).body("updated", equalTo(1)).body("imported", equalTo(0));
        // A court's figures join the police's; the police's counts stay.
        pushCsv("regionCode,period,category,casesConcluded,defendants,fines\n341825100,2024-W05,ONLINE_LOAN,2,3,20000\n", "")
                .statusCode(200).body("updated", equalTo(1));
        given().queryParam("region", "341825100").queryParam("period", "2024-W05").queryParam("category", "ONLINE_LOAN")
                .get("/api/v1/case-reports").then().body("items[0].cases", equalTo(4))
                .body("items[0].loss", equalTo("125000.00")).body("items[0].casesConcluded", equalTo(2))
                .body("items[0].fines", equalTo("20000.00")).body("items[0].version", equalTo(2));
        List<Object[]> events = events("341825100/2024-W05/ONLINE_LOAN");
        assertEquals(3, events.size());
        assertEquals(EventTypes.CASE_REPORT_UPDATED, events.get(1)[0]);
        assertEquals("3", events.get(1)[2], "the event carries the old value");
        assertEquals("4", events.get(1)[3], "and the new one");
        assertEquals("agency-demo", events.get(1)[4]);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "inspector", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void anInspectorSeesWhoChangedWhatWhenAndFromWhat() {
        given().queryParam("region", "341825100").queryParam("category", "ONLINE_LOAN").get("/api/v1/case-reports/audit")
                .then().statusCode(200).body("total", equalTo(3))
                .body("items.action", contains("UPDATED", "UPDATED", "CREATED"))
                .body("items[1].oldValues.cases", equalTo(3)).body("items[1].newValues.cases", equalTo(4))
                .body("items.changedBy", everyItem(equalTo("agency-demo")))
                .body("items[2].oldValues.cases", nullValue());
        given().contentType(ContentType.JSON).body(WEEK).post("/api/v1/case-reports").then().statusCode(403)
                .contentType(PROBLEM).body("code", equalTo("auth.forbidden"));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "agency-demo", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void badRowsAreNamedByIndexAndTheRestIsStoredUnlessAtomic() {
        String csv = """
                regionCode,period,category,cases,loss
                341825100201,2024-W06,ONLINE_LOAN,2,1000
                341825100201,2024-W06,NOT_A_CATEGORY,1,1
                341825100202,2024-W99,ONLINE_LOAN,1,1
                341824,2024-W06,ONLINE_LOAN,1,1
                341825100299,2024-W06,ONLINE_LOAN,1,1
                341825100202,2024-W06,ONLINE_LOAN,-1,1
                341825100202,2024-W06,ONLINE_LOAN,1,1.234
                341825100201,2024-W06,ONLINE_LOAN,5,5
                341825100202,2024-W06,ORDER_BRUSHING,,
                """;
        pushCsv(csv, "?dryRun=true").statusCode(200).body("status", equalTo("WARNING")).body("imported", equalTo(1));
        assertEquals(0, weekSix());
        pushCsv(csv, "?atomic=true").statusCode(200).body("status", equalTo("ERROR")).body("imported", equalTo(0))
                .body("conflictCount", equalTo(8));
        assertEquals(0, weekSix());
        pushCsv(csv, "").statusCode(200).body("status", equalTo("WARNING")).body("imported", equalTo(1))
                .body("conflicts.index", contains(1, 2, 3, 4, 5, 6, 7, 8))
                .body("conflicts.line", contains(3, 4, 5, 6, 7, 8, 9, 10))
                .body("conflicts.code", contains("category.unknown", "period.invalid", "scope.forbidden",
                        "region.unknown", "request.invalid", "request.invalid", "case-report.duplicate",
                        "case-report.figures-missing"))
                .body("conflicts.field", contains("category", "period", "regionCode", "regionCode", "cases", "loss",
                        null, null));
        assertEquals(1, weekSix());
    }

    @Test
    @Order(5)
    @TestSecurity(user = "agency-demo", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void strategiesCreateUpdateAndDelete() {
        String newRow = """
                {"rows": [{"regionCode": "341825100202", "period": "2024-W07", "category": "SHOPPING_REFUND", "cases": 1}]}""";
        push(newRow, "?importStrategy=UPDATE").statusCode(200).body("conflicts[0].code", equalTo("case-report.not-found"));
        push(newRow, "?importStrategy=CREATE").statusCode(200).body("imported", equalTo(1));
        push(newRow.replace("\"cases\": 1", "\"cases\": 2"), "?importStrategy=CREATE").statusCode(200)
                .body("conflicts[0].code", equalTo("case-report.exists"));
        push(newRow, "?importStrategy=DELETE").statusCode(200).body("deleted", equalTo(1));
        push(newRow, "?importStrategy=DELETE").statusCode(200).body("deleted", equalTo(0)).body("ignored", equalTo(1));
        given().queryParam("region", "341825100202").queryParam("period", "2024-W07").get("/api/v1/case-reports").then()
                .body("items", empty());
        push(newRow, "?importStrategy=MERGE").statusCode(400).contentType(PROBLEM);
    }

    @Test
    @Order(6)
    @TestSecurity(user = "agency-demo", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void theSheetStaffKeepIsPushedAsXlsxAndABadRowIsNamedByItsLine() throws Exception {
        byte[] sheet = xlsx(List.of(
                List.of("regionCode", "period", "category", "cases", "loss"),
                List.of("341825100201", "2024-W08", "ONLINE_LOAN", 2, 1500.5),
                List.of("341825100202", "2024-W08", "NOT_A_CATEGORY", 1, 1),
                List.of("341825100202", "2024-W08", "ORDER_BRUSHING", 1, "300")));
        given().contentType(XLSX).body(sheet).post("/api/v1/case-reports").then().statusCode(200)
                .body("imported", equalTo(2)).body("conflicts.index", contains(1)).body("conflicts.line", contains(3))
                .body("conflicts.code", contains("category.unknown"));
        given().queryParam("region", "341825100201").queryParam("period", "2024-W08").get("/api/v1/case-reports").then()
                .body("items[0].loss", equalTo("1500.50")).body("items[0].cases", equalTo(2));
        given().contentType(XLSX).body(sheet).post("/api/v1/case-reports").then().body("ignored", equalTo(2));
        given().contentType(XLSX).body("not a workbook".getBytes(StandardCharsets.UTF_8)).post("/api/v1/case-reports")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("request.malformed"));
    }

    @Test
    @Order(7)
    @TestSecurity(user = "agency-demo", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aFigureFarAboveTheRegionsHistoryIsStoredWithAWarningThatCanBeQueried() {
        StringBuilder history = new StringBuilder("regionCode,period,category,cases,loss\n");
        for (int week = 30; week <= 41; week++) {
            history.append("341825100202,2023-W").append(week).append(",IMPERSONATING_OFFICIALS,1,5000\n");
        }
        pushCsv(history.toString(), "").statusCode(200).body("imported", equalTo(12)).body("warnings", empty());
        String week = "341825100202,2023-W42,IMPERSONATING_OFFICIALS,";
        pushCsv("regionCode,period,category,cases,loss\n" + week + "40,50000\n", "").statusCode(200)
                .body("status", equalTo("WARNING")).body("imported", equalTo(1)).body("conflicts", empty())
                .body("warnings[0].code", equalTo("case-report.implausible")).body("warnings[0].field", equalTo("cases"))
                .body("warnings[0].index", equalTo(0)).body("warnings[0].line", equalTo(2));
        given().queryParam("implausible", true).queryParam("category", "IMPERSONATING_OFFICIALS")
                .get("/api/v1/case-reports").then().statusCode(200).body("items.period", contains("2023-W42"))
                .body("items[0].warning", startsWith("cases 40 is more than 10 times the median (1)"));
        // Corrected to ten times the median, the figures are plausible again.
        pushCsv("regionCode,period,category,cases,loss\n" + week + "10,50000\n", "").statusCode(200)
                .body("status", equalTo("SUCCESS")).body("updated", equalTo(1)).body("warnings", empty());
        given().queryParam("implausible", true).queryParam("category", "IMPERSONATING_OFFICIALS")
                .get("/api/v1/case-reports").then().body("items", empty());
        // Loss alone: 150,000 yuan is more than ten times the floor of 10,000.
        pushCsv("regionCode,period,category,loss\n" + week + "150000\n", "").statusCode(200)
                .body("warnings[0].field", equalTo("loss"));
    }

    static byte[] xlsx(List<List<Object>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "fanzha-test", "1.0");
        Worksheet worksheet = workbook.newWorksheet("周报");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                if (value instanceof Number number) {
                    worksheet.value(r, c, number);
                } else {
                    worksheet.value(r, c, (String) value);
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    @Test
    @TestSecurity(user = "agency-demo", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void anUnreadableBodyIsAProblem() {
        pushCsv("region,week\n341825100,2024-W05\n", "").statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("import.header-invalid"));
        push("[1, 2]", "").statusCode(400).body("code", equalTo("request.malformed"));
        push("{\"rows\": [{\"regionCode\": \"341825100\", \"colour\": \"red\"}]}", "").statusCode(200)
                .body("conflicts[0].field", equalTo("colour"));
        push("{\"rows\": [{\"regionCode\": \"341825100\", \"period\": \"2024-W05\", \"category\": \"ONLINE_LOAN\", "
                + "\"cases\": \"3\"}]}", "").statusCode(200).body("conflicts[0].code", equalTo("request.malformed"))
                .body("conflicts[0].field", equalTo("cases"));
    }

    @Test
    @TestSecurity(user = "other-agency", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341824"))
    void anotherCountysAgencyNeitherWritesNorReadsThisCounty() {
        push(WEEK, "").statusCode(200).body("imported", equalTo(0)).body("conflictCount", equalTo(3))
                .body("conflicts.code", everyItem(equalTo("scope.forbidden")));
        given().queryParam("region", "341825100").get("/api/v1/case-reports").then().statusCode(403)
                .body("code", equalTo("scope.forbidden"));
        given().get("/api/v1/case-reports").then().statusCode(200).body("items.regionCode", everyItem(startsWith("341824")));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aViewerReadsFiguresButNotTheAuditAndPushesNothing() {
        given().get("/api/v1/case-reports").then().statusCode(200);
        given().get("/api/v1/case-reports/audit").then().statusCode(403);
        push(WEEK, "").statusCode(403).body("code", equalTo("auth.forbidden"));
        given().queryParam("period", "last week").get("/api/v1/case-reports").then().statusCode(400)
                .body("code", equalTo("period.invalid"));
    }

    private static int weekSix() {
        return given().queryParam("period", "2024-W06").get("/api/v1/case-reports").then().extract().path("total");
    }
}
