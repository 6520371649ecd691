package io.fanzha.casestats.record;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

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

/** Anonymized case records: recorded once per id, corrected with versions, and no personal data ever stored. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseRecordResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final String VILLAGE = "341826100201";
    static final String ID = UUID.randomUUID().toString();
    static final String CASE = """
            {"id": "%s", "occurredOn": "2024-02-03", "regionCode": "%s", "category": "ONLINE_LOAN", "loss": "35000",
             "ageBand": "AGE_60_PLUS", "targetGroup": "ELDERLY", "householdRef": "HH-0042"}""".formatted(ID, VILLAGE);

    @Inject
    Regions regions;

    @Inject
    EntityManager em;

    static ValidatableResponse post(String json) {
        return given().contentType(ContentType.JSON).body(json).post("/api/v1/cases").then();
    }

    static int count() {
        return given().queryParam("within", "341826").get("/api/v1/cases").then().statusCode(200).extract().path("total");
    }

    @Test
    @Order(1)
    @TestSecurity(user = "agency-demo", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341826"))
    void anAgencyRecordsACaseOnceAndCorrectsIt() throws Exception {
        TopicWriter.send(Topics.CAMPAIGN, EventTypes.REGION_CREATED, "341826", VILLAGE, """
                {"code": "%s", "name": "测试村", "parentCode": "341826100", "level": "VILLAGE", "path": "", "version": 0}"""
                .formatted(VILLAGE));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> !regions.known(List.of(VILLAGE)).isEmpty()));

        post(CASE).statusCode(201).header("Location", containsString("/api/v1/cases/" + ID))
                .body("loss", equalTo("35000.00")).body("recordedBy", equalTo("agency-demo")).body("version", equalTo(0));
        post(CASE).statusCode(200).body("id", equalTo(ID));
        post(CASE.replace("35000", "36000")).statusCode(409).contentType(PROBLEM).body("code", equalTo("case.conflict"));
        given().contentType(ContentType.JSON).body(CASE.replace("35000", "36000").replace("}", ", \"version\": 0}"))
                .put("/api/v1/cases/" + ID).then().statusCode(200).body("loss", equalTo("36000.00"))
                .body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(CASE.replace("}", ", \"version\": 0}")).put("/api/v1/cases/" + ID)
                .then().statusCode(409).body("code", equalTo("case.stale"));
        given().queryParam("in", "2024-Q1").queryParam("category", "ONLINE_LOAN").get("/api/v1/cases").then()
                .statusCode(200).body("items.id", contains(ID));
        given().queryParam("in", "2023").get("/api/v1/cases").then().body("total", equalTo(0));

        @SuppressWarnings("unchecked")
        List<Object[]> events = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select event_type, event_key from outbox_event where subject = ?1 order by seq").setParameter(1, ID)
                .getResultList());
        assertEquals(2, events.size(), "recorded, then corrected; the resend is no event");
        assertEquals(EventTypes.CASE_RECORDED, events.get(0)[0]);
        assertEquals("341826", events.get(0)[1]);
        assertEquals(EventTypes.CASE_UPDATED, events.get(1)[0]);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "agency-demo", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341826"))
    void personalDataAndOtherBadInputAreRefusedAndNothingIsStored() {
        int before = count();
        String fresh = CASE.replace(ID, UUID.randomUUID().toString());
        post(fresh.replace("HH-0042", "34182619800101123X")).statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("case.personal-data")).body("violations[0].field", equalTo("householdRef"))
                .body("detail", containsString("ID number"));
        post(fresh.replace("HH-0042", "HH-13812345678")).statusCode(400).body("code", equalTo("case.personal-data"))
                .body("detail", containsString("phone number"));
        post(fresh.replace("\"ageBand\"", "\"victimName\": \"张三\", \"ageBand\"")).statusCode(400)
                .body("violations[0].field", equalTo("victimName"));
        post(fresh.replace("HH-0042", "HH 42")).statusCode(400).body("violations[0].field", equalTo("householdRef"));
        post(fresh.replace(VILLAGE, "341826100299")).statusCode(400).body("code", equalTo("region.unknown"));
        post(fresh.replace("ONLINE_LOAN", "NOT_A_CATEGORY")).statusCode(400).body("code", equalTo("category.unknown"));
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        post(fresh.replace("2024-02-03", tomorrow)).statusCode(400).body("code", equalTo("case.in-future"));
        post(fresh.replace("35000", "1.234")).statusCode(400).body("code", equalTo("request.invalid"));
        post(fresh.replace("AGE_60_PLUS", "AGE_99")).statusCode(400).body("code", equalTo("request.malformed"));
        assertEquals(before, count());
    }

    @Test
    @Order(3)
    @TestSecurity(user = "other-agency", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341824"))
    void anotherCountysAgencyNeitherRecordsNorReadsHere() {
        post(CASE.replace(ID, UUID.randomUUID().toString())).statusCode(403).body("code", equalTo("scope.forbidden"));
        given().get("/api/v1/cases/" + ID).then().statusCode(403);
        given().get("/api/v1/cases").then().statusCode(200).body("items.regionCode", everyItem(startsWith("341824")));
        given().delete("/api/v1/cases/" + ID).then().statusCode(403);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "341826"))
    void aViewerReadsNoCaseRecords() {
        given().get("/api/v1/cases").then().statusCode(403).body("code", equalTo("auth.forbidden"));
        given().get("/api/v1/cases/" + ID).then().statusCode(403);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "inspector", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "region", value = "341826"))
    void anInspectorReadsThemButRecordsNothing() {
        given().get("/api/v1/cases/" + ID).then().statusCode(200).body("householdRef", equalTo("HH-0042"));
        post(CASE).statusCode(403);
    }

    @Test
    @Order(6)
    @TestSecurity(user = "agency-demo", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341826"))
    void aCaseRecordedByMistakeIsDeletedAndThatIsAnnounced() {
        String since = given().get("/api/v1/cases/" + ID).then().extract().path("updatedAt");
        given().delete("/api/v1/cases/" + ID).then().statusCode(204);
        given().get("/api/v1/cases/" + ID).then().statusCode(404).body("code", equalTo("case.not-found"));
        given().queryParam("updatedSince", since).get("/api/v1/cases").then().body("removed", contains(ID));
    }
}
