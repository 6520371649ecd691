package io.fanzha.casestats.completeness;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.fanzha.casestats.region.Regions;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.period.Granularity;
import io.fanzha.platform.period.Period;
import io.fanzha.platform.testing.TopicWriter;
import io.fanzha.platform.time.Days;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The county office expects every village's weekly figures from its police system by two days after the week: the
 * completeness query names who reported, who was late and who is missing. In a county of its own (341827).
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompletenessTest {

    static final String PROBLEM = "application/problem+json";
    static final String EXPECTATION = """
            {"regionCode": "341827", "level": "VILLAGE", "reporter": "police-341827", "deadlineDays": 2}""";
    static final String THIS_WEEK = Period.of(Granularity.WEEK, Days.today()).toString();
    static String expectation;

    @Inject
    Regions regions;

    static ValidatableResponse completeness(String period) {
        return given().queryParam("within", "341827").queryParam("period", period)
                .get("/api/v1/case-reports/completeness").then().statusCode(200);
    }

    static ValidatableResponse push(String csv) {
        return given().contentType("text/csv").body("regionCode,period,category,cases\n" + csv)
                .post("/api/v1/case-reports").then().statusCode(200);
    }

    @Test
    @Order(1)
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341827"))
    void theCountyOfficeSaysWhoReportsWhatByWhen() throws Exception {
        for (String code : List.of("341827", "341827100", "341827100201", "341827100202", "341827100203")) {
            TopicWriter.send(Topics.CAMPAIGN, EventTypes.REGION_CREATED, "341827", code, """
                    {"code": "%s", "name": "区域", "parentCode": null, "level": "VILLAGE", "path": "", "version": 0}"""
                    .formatted(code));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> regions.known(List.of("341827100201", "341827100202", "341827100203")).size() == 3));
        expectation = given().contentType(ContentType.JSON).body(EXPECTATION).post("/api/v1/case-reports/expectations")
                .then().statusCode(201).body("granularity", equalTo("WEEK")).body("version", equalTo(0))
                .extract().path("id");
        given().contentType(ContentType.JSON).body(EXPECTATION).post("/api/v1/case-reports/expectations").then()
                .statusCode(409).contentType(PROBLEM).body("code", equalTo("expectation.exists"));
        given().contentType(ContentType.JSON).body(EXPECTATION.replace("\"341827\"", "\"341827100201\"")
                .replace("VILLAGE", "TOWNSHIP")).post("/api/v1/case-reports/expectations").then().statusCode(400)
                .body("code", equalTo("expectation.level-invalid"));
        given().contentType(ContentType.JSON).body(EXPECTATION.replace("2}", "-1}")).post("/api/v1/case-reports/expectations")
                .then().statusCode(400).body("violations[0].field", equalTo("deadlineDays"));
        given().queryParam("within", "341827").get("/api/v1/case-reports/expectations").then().statusCode(200)
                .body("items.id", contains(expectation));
        // A village's figures by someone else do not count as the police's.
        push("341827100203," + THIS_WEEK + ",ONLINE_LOAN,1\n").body("imported", equalTo(1));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "police-341827", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341827"))
    void thePoliceReportTwoVillagesOnTimeAndAnOldWeekLate() {
        push("341827100201," + THIS_WEEK + ",ONLINE_LOAN,2\n341827100202," + THIS_WEEK + ",ONLINE_LOAN,0\n"
                + "341827100201,2024-W05,ONLINE_LOAN,1\n").body("imported", equalTo(3));
        // The villages report weekly; a township, which no expectation names, reports as it likes.
        push("341827100201,2024-02,ONLINE_LOAN,1\n341827100,2024-02,ONLINE_LOAN,1\n").body("imported", equalTo(1))
                .body("conflicts[0].code", equalTo("period.form")).body("conflicts[0].index", equalTo(0));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "341827"))
    void theOfficeSeesWhoIsMissingAndWhoWasLate() {
        completeness(THIS_WEEK).body("expected", equalTo(3)).body("received", equalTo(2)).body("onTime", equalTo(2))
                .body("missing.regionCode", contains("341827100203")).body("missing[0].reporter", equalTo("police-341827"))
                .body("late", empty());
        completeness("2024-W05").body("expected", equalTo(3)).body("received", equalTo(1)).body("onTime", equalTo(0))
                .body("late.regionCode", contains("341827100201")).body("late[0].deadline", equalTo("2024-02-06"))
                .body("missing.regionCode", contains("341827100202", "341827100203"));
        // No expectation is of months.
        completeness("2024-02").body("expected", equalTo(0));
        given().queryParam("within", "341827").get("/api/v1/case-reports/completeness").then().statusCode(400);
        given().contentType(ContentType.JSON).body(EXPECTATION).post("/api/v1/case-reports/expectations").then()
                .statusCode(403).body("code", equalTo("auth.forbidden"));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "other-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341824"))
    void anotherCountysAdminNeitherSeesNorChangesThisCountysExpectations() {
        given().queryParam("within", "341827").queryParam("period", THIS_WEEK).get("/api/v1/case-reports/completeness")
                .then().statusCode(403).body("code", equalTo("scope.forbidden"));
        given().contentType(ContentType.JSON).body(EXPECTATION.replace("police", "other"))
                .post("/api/v1/case-reports/expectations").then().statusCode(403);
        given().delete("/api/v1/case-reports/expectations/" + expectation).then().statusCode(403);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341827"))
    void anExpectationChangesWithItsVersionAndEnds() {
        String changed = EXPECTATION.replace("\"deadlineDays\": 2", "\"deadlineDays\": 9, \"version\": 0");
        given().contentType(ContentType.JSON).body(changed).put("/api/v1/case-reports/expectations/" + expectation)
                .then().statusCode(200).body("deadlineDays", equalTo(9)).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(changed).put("/api/v1/case-reports/expectations/" + expectation)
                .then().statusCode(409).body("code", equalTo("expectation.stale"));
        completeness("2024-W05").body("late[0].deadline", equalTo("2024-02-13"));
        given().delete("/api/v1/case-reports/expectations/" + expectation).then().statusCode(204);
        completeness(THIS_WEEK).body("expected", equalTo(0));
        given().delete("/api/v1/case-reports/expectations/" + expectation).then().statusCode(404)
                .body("code", equalTo("expectation.not-found"));
    }
}
