package io.fanzha.outreach.record;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.fanzha.outreach.plan.Plan;
import io.fanzha.outreach.support.CampaignEvents;
import io.fanzha.platform.testing.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Field workers' apps sync what they logged offline: resent batches store nothing twice, concurrent copies store each
 * record once, edits name their version, a bad record is refused alone. Inspectors review; workers void and restore.
 * Ordered: the first test announces the county's plan (regions, a unit, a campaign and a task) and the others use it.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutreachSyncTest {

    static final String PROBLEM = "application/problem+json";
    static final String VILLAGE = "341825100201";
    static final String OTHER_VILLAGE = "341825100202";
    static final String OUTSIDE = "341826100201";
    static final UUID UNIT = UUID.fromString("0d6f3c1a-9b2e-4f71-a1c4-5e8d2b7f9a30");
    static final UUID CAMPAIGN = UUID.fromString("3c9e1f2a-7b4d-4e8f-9a1b-2c3d4e5f6a7b");
    static final UUID TASK = UUID.fromString("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b");

    @Inject
    Plan plan;

    @Inject
    EntityManager em;

    static String visit(UUID id, String region, String household, int people) {
        return """
                {"id": "%s", "kind": "DOOR_TO_DOOR", "occurredAt": "2024-01-15T10:30:00+08:00", "regionCode": "%s",
                 "unitId": "%s", "campaignId": "%s", "targetGroup": "ELDERLY",
                 "metrics": {"peopleReached": %d, "householdsReached": 1, "materials": 2},
                 "household": {"ref": "%s", "noticeSigned": true}, "location": {"lat": 30.2912345, "lon": 118.54}}"""
                .formatted(id, region, UNIT, CAMPAIGN, people, household);
    }

    static String lecture(UUID id) {
        return """
                {"id": "%s", "kind": "LECTURE", "occurredAt": "2024-01-16T09:00:00.123456789Z", "regionCode": "341825100",
                 "unitId": "%s", "taskId": "%s", "targetGroup": "STUDENTS", "metrics": {"peopleReached": 120},
                 "note": "全校师生"}""".formatted(id, UNIT, TASK);
    }

    static ValidatableResponse sync(String query, String... records) {
        return given().contentType(ContentType.JSON).body("{\"deviceId\": \"phone-1\", \"records\": ["
                + String.join(",", records) + "]}").post("/api/v1/outreach/sync" + query).then().statusCode(200);
    }

    long stored() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outreach_record").getSingleResult()).longValue());
    }

    long events(String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where event_type = ?1").setParameter(1, type).getSingleResult())
                .longValue());
    }

    @Test
    @Order(1)
    @TestSecurity(user = "worker-1", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aBatchSentTwiceStoresNothingTwice() throws Exception {
        CampaignEvents.regions("区域", "341825", "341825100", VILLAGE, OTHER_VILLAGE, "341826", "341826100", OUTSIDE);
        CampaignEvents.unit(UNIT, "旌阳派出所", "341825100");
        TopicWriter.send(Topics.CAMPAIGN, EventTypes.CAMPAIGN_CREATED, "341825", CAMPAIGN.toString(), """
                {"id": "%s", "theme": "集中宣传", "regionCode": "341825", "startDate": "2024-01-10", "endDate": "2024-03-31",
                 "focusCategories": [], "targetGroups": [], "version": 0}""".formatted(CAMPAIGN));
        TopicWriter.send(Topics.CAMPAIGN, EventTypes.TASK_CREATED, "341825", TASK.toString(), """
                {"id": "%s", "campaignId": "%s", "title": "专题讲座", "kind": "SPECIAL_SESSION", "unitIds": [],
                 "regionCode": "341825100", "deadline": "2024-03-31", "version": 0}""".formatted(TASK, CAMPAIGN));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> plan.lookUp(
                List.of(OUTSIDE), List.of(), List.of(), List.of(TASK)).tasks().size() == 1
                && !plan.lookUp(List.of(OUTSIDE), List.of(), List.of(), List.of()).regions().isEmpty()));

        long before = stored();
        long recorded = events(EventTypes.OUTREACH_RECORDED);
        String[] batch = { visit(UUID.randomUUID(), VILLAGE, "HH-0001", 3), visit(UUID.randomUUID(), VILLAGE, "HH-0002", 2),
            lecture(UUID.randomUUID()) };
        sync("", batch).body("status", equalTo("SUCCESS")).body("imported", equalTo(3))
                .body("results.outcome", contains("CREATED", "CREATED", "CREATED")).body("results.version", contains(1, 1, 1));
        sync("", batch).body("status", equalTo("SUCCESS")).body("imported", equalTo(0)).body("ignored", equalTo(3))
                .body("results.outcome", contains("UNCHANGED", "UNCHANGED", "UNCHANGED"));
        assertEquals(before + 3, stored());
        assertEquals(recorded + 3, events(EventTypes.OUTREACH_RECORDED));
        // The lecture counts for its task's campaign.
        given().queryParam("campaignId", CAMPAIGN).get("/api/v1/outreach").then().statusCode(200).body("total", equalTo(3));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "worker-1", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void twoCopiesOfABatchAtOnceStoreEachRecordOnce() {
        String[] batch = new String[40];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = visit(UUID.randomUUID(), OTHER_VILLAGE, "HH-1" + i, 1);
        }
        long before = stored();
        List<CompletableFuture<List<String>>> copies = List.of(1, 2).stream().map(copy -> CompletableFuture.supplyAsync(
                () -> sync("", batch).extract().<List<String>>path("results.outcome"))).toList();
        List<String> first = copies.get(0).join();
        List<String> second = copies.get(1).join();
        assertEquals(before + batch.length, stored());
        for (int i = 0; i < batch.length; i++) {
            assertEquals(List.of("CREATED", "UNCHANGED"), List.of(first.get(i), second.get(i)).stream().sorted().toList(),
                    "record " + i);
        }
    }

    @Test
    @Order(3)
    @TestSecurity(user = "worker-1", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void anEditNamesTheVersionItWasMadeOn() {
        UUID id = UUID.randomUUID();
        sync("", visit(id, VILLAGE, "HH-0003", 1)).body("results[0].outcome", equalTo("CREATED"));
        String edited = visit(id, VILLAGE, "HH-0003", 4).replace("\"id\"", "\"baseVersion\": 1, \"id\"");
        sync("", edited).body("updated", equalTo(1)).body("results[0].outcome", equalTo("UPDATED"))
                .body("results[0].version", equalTo(2));
        sync("", edited).body("results[0].outcome", equalTo("UNCHANGED")).body("results[0].version", equalTo(2));
        // The other phone edited version 1 too.
        sync("", visit(id, VILLAGE, "HH-0003", 5).replace("\"id\"", "\"baseVersion\": 1, \"id\""))
                .body("status", equalTo("WARNING")).body("results[0].outcome", equalTo("CONFLICT"))
                .body("results[0].code", equalTo("sync.stale")).body("results[0].version", equalTo(2))
                .body("results[0].current.metrics.peopleReached", equalTo(4)).body("conflicts[0].code", equalTo("sync.stale"));
        sync("", visit(id, VILLAGE, "HH-0003", 6)).body("results[0].code", equalTo("sync.conflict"))
                .body("results[0].current.version", equalTo(2));
        given().get("/api/v1/outreach/" + id + "/versions").then().statusCode(200)
                .body("version", contains(1, 2)).body("action", contains("RECORDED", "UPDATED"))
                .body("[1].state.metrics.peopleReached", equalTo(4)).body("[1].deviceId", equalTo("phone-1"));
        given().contentType(ContentType.JSON).body(visit(id, VILLAGE, "HH-0003", 7).replace("\"id\"", "\"baseVersion\": 1, \"id\""))
                .put("/api/v1/outreach/" + id).then().statusCode(409).contentType(PROBLEM).body("code", equalTo("sync.stale"));
        given().contentType(ContentType.JSON).body(visit(id, VILLAGE, "HH-0003", 7).replace("\"id\"", "\"baseVersion\": 2, \"id\""))
                .put("/api/v1/outreach/" + id).then().statusCode(200).body("version", equalTo(3))
                .body("metrics.peopleReached", equalTo(7)).body("location.lat", equalTo(30.291235f));
        given().contentType(ContentType.JSON).body(visit(id, VILLAGE, "HH-0003", 7)).put("/api/v1/outreach/" + id).then()
                .statusCode(400).body("code", equalTo("request.invalid")).body("violations[0].field", equalTo("baseVersion"));
        given().contentType(ContentType.JSON).body(visit(UUID.randomUUID(), VILLAGE, "HH-0003", 7)
                .replace("\"id\"", "\"baseVersion\": 2, \"id\"")).put("/api/v1/outreach/" + id).then().statusCode(400);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "worker-1", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aBadRecordIsRefusedAloneWithItsCode() {
        UUID good = UUID.randomUUID();
        String[] batch = { visit(good, VILLAGE, "HH-0004", 1),
            visit(UUID.randomUUID(), OUTSIDE, "HH-0005", 1),
            visit(UUID.randomUUID(), VILLAGE, "340104199001011234", 1),
            visit(UUID.randomUUID(), VILLAGE, "HH-0006", 1).replace("DOOR_TO_DOOR", "SPACESHIP"),
            visit(UUID.randomUUID(), VILLAGE, "HH-0007", 1).replace("2024-01-15", "2999-01-15"),
            visit(UUID.randomUUID(), VILLAGE, "HH-0008", 1).replace(UNIT.toString(), UUID.randomUUID().toString()),
            visit(UUID.randomUUID(), "341825100", "HH-0009", 1),
            visit(UUID.randomUUID(), VILLAGE, "HH-0010", -1),
            lecture(UUID.randomUUID()).replace("全校师生", "联系人 138 1234 5678"),
            visit(UUID.randomUUID(), VILLAGE, "HH-0011", 1).replace("2024-01-15", "2023-12-15"),
            visit(UUID.randomUUID(), VILLAGE, "HH-0013", 1).replace("\"note\"", "\"colour\"").replace("\"location\"",
                    "\"colour\": \"red\", \"location\"") };
        long before = stored();
        sync("?atomic=true", batch).body("status", equalTo("ERROR")).body("imported", equalTo(0));
        sync("?dryRun=true", batch).body("status", equalTo("WARNING")).body("imported", equalTo(1));
        assertEquals(before, stored());
        sync("", batch).body("status", equalTo("WARNING")).body("imported", equalTo(1)).body("conflictCount", equalTo(10))
                .body("results.outcome", contains("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED",
                        "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED"))
                .body("results.code", contains(null, "scope.forbidden", "outreach.personal-data", "request.malformed",
                        "outreach.in-future", "unit.unknown", "outreach.household-region", "request.invalid",
                        "outreach.personal-data", "outreach.outside-campaign", "request.malformed"))
                .body("conflicts.index", contains(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
                .body("results[10].field", equalTo("colour"));
        assertEquals(before + 1, stored());
        given().contentType(ContentType.JSON).body("{\"deviceId\": \"phone-1\", \"records\": [42]}")
                .post("/api/v1/outreach/sync").then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"deviceId\": \"phone-1\", \"records\": []}")
                .post("/api/v1/outreach/sync").then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(visit(UUID.randomUUID(), OUTSIDE, "HH-0005", 1))
                .post("/api/v1/outreach").then().statusCode(403).contentType(PROBLEM).body("code", equalTo("scope.forbidden"));
        given().contentType(ContentType.JSON).body(visit(UUID.randomUUID(), VILLAGE, "13812345678", 1))
                .post("/api/v1/outreach").then().statusCode(400).body("code", equalTo("outreach.personal-data"))
                .body("violations[0].field", equalTo("household.ref"));
        given().contentType(ContentType.JSON).body(visit(good, VILLAGE, "HH-0004", 1)).post("/api/v1/outreach").then()
                .statusCode(200).body("version", equalTo(1));
        UUID single = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(visit(single, VILLAGE, "HH-0012", 1)).post("/api/v1/outreach").then()
                .statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/outreach/" + single))
                .body("reviewState", equalTo("PENDING")).body("worker", equalTo("worker-1"));
        given().contentType(ContentType.JSON).body(visit(single, VILLAGE, "HH-0012", 2)).post("/api/v1/outreach").then()
                .statusCode(409).body("code", equalTo("sync.conflict"));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "worker-2", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aWorkerSeesAndChangesOnlyTheirOwn() {
        String someone = given().get("/api/v1/outreach").then().statusCode(200).body("total", equalTo(0))
                .extract().path("items[0].id");
        assertEquals(null, someone);
        String theirs = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select cast(id as text) from outreach_record where region_code like '341825%' limit 1").getSingleResult()
                .toString());
        given().get("/api/v1/outreach/" + theirs).then().statusCode(403).body("code", equalTo("outreach.not-yours"));
        given().contentType(ContentType.JSON).body("{\"reason\": \"重复\"}").post("/api/v1/outreach/" + theirs + "/void")
                .then().statusCode(403).body("code", equalTo("outreach.not-yours"));
        sync("", visit(UUID.fromString(theirs), VILLAGE, "HH-9999", 1)).body("results[0].code", equalTo("outreach.not-yours"));
        given().get("/api/v1/outreach/" + UUID.randomUUID()).then().statusCode(404).body("code", equalTo("outreach.not-found"));
    }

    @Test
    @Order(6)
    @TestSecurity(user = "inspector-1", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void anInspectorReviewsAndAnEditSendsItBack() {
        String id = given().queryParam("kind", "LECTURE").get("/api/v1/outreach").then().statusCode(200)
                .body("total", equalTo(1)).extract().path("items[0].id");
        given().contentType(ContentType.JSON).body("{\"state\": \"HAS_ISSUES\"}").put("/api/v1/outreach/" + id + "/review")
                .then().statusCode(400).body("code", equalTo("review.comment-missing"));
        given().contentType(ContentType.JSON).body("{\"state\": \"PENDING\"}").put("/api/v1/outreach/" + id + "/review")
                .then().statusCode(400).body("code", equalTo("review.state-invalid"));
        given().contentType(ContentType.JSON).body("{\"state\": \"REJECTED\", \"comment\": \"照片与讲座不符\"}")
                .put("/api/v1/outreach/" + id + "/review").then().statusCode(200).body("reviewState", equalTo("REJECTED"))
                .body("reviewedBy", equalTo("inspector-1")).body("version", equalTo(2));
        given().queryParam("reviewState", "REJECTED").get("/api/v1/outreach").then().body("items.id", contains(id));
        given().queryParam("period", "2024-W03").queryParam("kind", "LECTURE").get("/api/v1/outreach").then()
                .body("total", equalTo(1));
        given().queryParam("period", "2024-W02").queryParam("kind", "LECTURE").get("/api/v1/outreach").then()
                .body("total", equalTo(0));
        given().contentType(ContentType.JSON).body(visit(UUID.randomUUID(), VILLAGE, "HH-0020", 1))
                .post("/api/v1/outreach").then().statusCode(403);
        given().queryParam("within", "341826").get("/api/v1/outreach").then().statusCode(403)
                .body("code", equalTo("scope.forbidden"));
        given().get("/api/v1/outreach/" + id + "/versions").then().statusCode(200).body("action", hasItem("REVIEWED"));
    }

    @Test
    @Order(7)
    @TestSecurity(user = "worker-1", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aVoidedRecordIsRestored() {
        String id = given().queryParam("kind", "LECTURE").get("/api/v1/outreach").then().extract().path("items[0].id");
        given().contentType(ContentType.JSON).body("{\"reason\": \"重复录入\"}").post("/api/v1/outreach/" + id + "/void")
                .then().statusCode(200).body("voided", equalTo(true)).body("voidReason", equalTo("重复录入"))
                .body("version", equalTo(3));
        given().contentType(ContentType.JSON).body("{\"reason\": \"重复录入\"}").post("/api/v1/outreach/" + id + "/void")
                .then().statusCode(200).body("version", equalTo(3));
        given().queryParam("voided", "false").get("/api/v1/outreach").then().body("items.id", not(hasItem(id)));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/outreach/" + id + "/void").then().statusCode(400);
        given().post("/api/v1/outreach/" + id + "/restore").then().statusCode(200).body("voided", equalTo(false))
                .body("version", equalTo(4));
        // An edit after the review sends the record back to review.
        given().contentType(ContentType.JSON).body(lecture(UUID.fromString(id))
                .replace("\"peopleReached\": 120", "\"peopleReached\": 130")
                .replace("\"id\"", "\"baseVersion\": 4, \"id\"")).put("/api/v1/outreach/" + id).then().statusCode(200)
                .body("reviewState", equalTo("PENDING")).body("version", equalTo(5));
        given().queryParam("voided", "maybe").get("/api/v1/outreach").then().statusCode(400);
        given().get("/api/v1/outreach").then().body("items.worker", everyItem(equalTo("worker-1")));
    }

    @Test
    @Order(8)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void viewersSeeNoRecords() {
        given().get("/api/v1/outreach").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"deviceId\": \"x\", \"records\": [{}]}").post("/api/v1/outreach/sync")
                .then().statusCode(403);
    }
}
