package io.fanzha.outreach.spotcheck;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.fanzha.outreach.plan.Plan;
import io.fanzha.outreach.support.CampaignEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

/**
 * The inspection office draws a reproducible sample of a county's household visits and records the revisits: a denied
 * visit goes under review, and each worker's and village's confirmation rate is queryable. In a county of its own
 * (341827): three villages with 10, 15 and 5 visits, by workers w-a, w-b and w-c.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpotCheckTest {

    static final String PROBLEM = "application/problem+json";
    static final UUID UNIT = UUID.fromString("6b1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f");
    static final String DRAW = """
            {"within": "341827", "period": "2024-01", "percent": 10, "minimumPerVillage": 2, "minimumPerWorker": 3,
             "seed": 42}""";
    static String spotCheck;
    static List<String> sample;

    @Inject
    Plan plan;

    static void syncVisits(String village, int count, boolean alsoVoided) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(visit(UUID.randomUUID(), village, "HH-" + village.substring(9) + "-" + i));
        }
        given().contentType(ContentType.JSON).body("{\"deviceId\": \"phone\", \"records\": [" + String.join(",", records)
                + "]}").post("/api/v1/outreach/sync").then().statusCode(200).body("imported", equalTo(count));
        if (alsoVoided) {
            UUID voided = UUID.randomUUID();
            given().contentType(ContentType.JSON).body(visit(voided, village, "HH-void")).post("/api/v1/outreach").then()
                    .statusCode(201);
            given().contentType(ContentType.JSON).body("{\"reason\": \"录错\"}").post("/api/v1/outreach/" + voided + "/void")
                    .then().statusCode(200);
        }
    }

    static String visit(UUID id, String village, String household) {
        return """
                {"id": "%s", "kind": "DOOR_TO_DOOR", "occurredAt": "2024-01-20T15:00:00+08:00", "regionCode": "%s",
                 "unitId": "%s", "targetGroup": "RURAL_RESIDENTS", "metrics": {"peopleReached": 2},
                 "household": {"ref": "%s", "noticeSigned": true}}""".formatted(id, village, UNIT, household);
    }

    @Test
    @Order(1)
    @TestSecurity(user = "w-a", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341827"))
    void workerALogsTenVisits() throws Exception {
        CampaignEvents.regions("区域", "341827", "341827100", "341827100201", "341827100202", "341827100203");
        CampaignEvents.unit(UNIT, "某派出所", "341827100");
        CampaignEvents.awaitKnown(plan, "341827100203", UNIT);
        syncVisits("341827100201", 10, true);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "w-b", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341827"))
    void workerBLogsFifteen() {
        syncVisits("341827100202", 15, false);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "w-c", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341827"))
    void workerCLogsFiveAndCannotDraw() {
        syncVisits("341827100203", 5, false);
        given().contentType(ContentType.JSON).body(DRAW).post("/api/v1/outreach/spot-checks").then().statusCode(403);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "inspector-2", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "region", value = "341827"))
    void anInspectorDrawsTheSameSampleFromTheSameSeed() {
        var drawn = given().contentType(ContentType.JSON).body(DRAW).post("/api/v1/outreach/spot-checks").then()
                .statusCode(201).body("candidates", equalTo(30)).body("seed", equalTo(42))
                .body("items.size()", equalTo(9)).extract();
        spotCheck = drawn.path("id");
        sample = drawn.path("items.recordId");
        assertEquals(true, drawn.header("Location").endsWith("/api/v1/outreach/spot-checks/" + spotCheck));
        List<String> again = given().contentType(ContentType.JSON).body(DRAW).post("/api/v1/outreach/spot-checks").then()
                .statusCode(201).extract().path("items.recordId");
        assertEquals(sample, again);
        List<String> other = given().contentType(ContentType.JSON).body(DRAW.replace("42", "43"))
                .post("/api/v1/outreach/spot-checks").then().statusCode(201).extract().path("items.recordId");
        assertNotEquals(sample, other);
        given().contentType(ContentType.JSON).body(DRAW.replace("\"seed\": 42", "\"seed\": null")).post("/api/v1/outreach/spot-checks")
                .then().statusCode(201).body("seed", org.hamcrest.Matchers.notNullValue());
        given().contentType(ContentType.JSON).body(DRAW.replace("\"percent\": 10", "\"percent\": 0"))
                .post("/api/v1/outreach/spot-checks").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("percent"));
        given().contentType(ContentType.JSON).body(DRAW.replace("2024-01", "2024-13")).post("/api/v1/outreach/spot-checks")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(DRAW.replace("341827", "341825")).post("/api/v1/outreach/spot-checks")
                .then().statusCode(403).body("code", equalTo("scope.forbidden"));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "inspector-2", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "region", value = "341827"))
    void aDeniedRevisitPutsTheRecordUnderReview() {
        String items = "/api/v1/outreach/spot-checks/" + spotCheck + "/items/";
        given().contentType(ContentType.JSON).body("{\"result\": \"CONFIRMED\"}").put(items + sample.get(0)).then()
                .statusCode(200).body("result", equalTo("CONFIRMED")).body("checkedBy", equalTo("inspector-2"));
        given().contentType(ContentType.JSON).body("{\"result\": \"DENIED\", \"note\": \"户主称无人上门\"}")
                .put(items + sample.get(1)).then().statusCode(200).body("result", equalTo("DENIED"));
        given().contentType(ContentType.JSON).body("{\"result\": \"NOT_REACHED\"}").put(items + sample.get(2)).then()
                .statusCode(200);
        given().get("/api/v1/outreach/" + sample.get(1)).then().statusCode(200).body("reviewState", equalTo("HAS_ISSUES"))
                .body("reviewComment", containsString(spotCheck));
        given().get("/api/v1/outreach/" + sample.get(0)).then().body("reviewState", equalTo("PENDING"));
        given().contentType(ContentType.JSON).body("{\"result\": \"CONFIRMED\"}").put(items + UUID.randomUUID()).then()
                .statusCode(404).body("code", equalTo("spot-check.item-not-found"));
        given().contentType(ContentType.JSON).body("{\"result\": \"MAYBE\"}").put(items + sample.get(3)).then()
                .statusCode(400);
        given().get("/api/v1/outreach/spot-checks/" + spotCheck).then().statusCode(200)
                .body("items.findAll { it.result != null }.size()", equalTo(3));
        given().queryParam("period", "2024-01").get("/api/v1/outreach/spot-checks").then().statusCode(200)
                .body("total", equalTo(4)).body("items.find { it.id == '" + spotCheck + "' }.seed", equalTo(42));
        given().queryParam("period", "2024-02").get("/api/v1/outreach/spot-checks").then().body("total", equalTo(0));
        given().queryParam("by", "village").get("/api/v1/outreach/spot-checks/rates").then().statusCode(200)
                .body("revisited.sum()", equalTo(3)).body("denied.sum()", equalTo(1));
        List<Float> rates = given().queryParam("within", "341827").get("/api/v1/outreach/spot-checks/rates").then()
                .statusCode(200).body("confirmed.sum()", equalTo(1)).extract().path("rate");
        // The denying household's worker lost confirmation; the one only not reached has no rate.
        assertEquals(true, rates.stream().anyMatch(rate -> rate != null && rate < 1.0f), rates.toString());
        given().queryParam("by", "unit").get("/api/v1/outreach/spot-checks/rates").then().statusCode(400);
    }

    @Test
    @Order(6)
    @TestSecurity(user = "inspector-3", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void anotherCountysInspectorSeesNothingOfIt() {
        given().get("/api/v1/outreach/spot-checks/" + spotCheck).then().statusCode(403).body("code", equalTo("scope.forbidden"));
        given().contentType(ContentType.JSON).body("{\"result\": \"CONFIRMED\"}")
                .put("/api/v1/outreach/spot-checks/" + spotCheck + "/items/" + sample.get(3)).then().statusCode(403);
        given().queryParam("within", "341827").get("/api/v1/outreach/spot-checks/rates").then().statusCode(403);
        given().queryParam("within", "341827").get("/api/v1/outreach/spot-checks").then().statusCode(403);
        given().get("/api/v1/outreach/spot-checks").then().statusCode(200).body("total", equalTo(0));
        given().get("/api/v1/outreach/spot-checks/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("spot-check.not-found"));
    }
}
