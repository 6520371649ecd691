package io.fanzha.outreach.evidence;

import static io.fanzha.outreach.support.EvidenceFiles.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.fanzha.contracts.EventTypes;
import io.fanzha.outreach.plan.Plan;
import io.fanzha.outreach.support.CampaignEvents;
import io.fanzha.outreach.support.EvidenceFiles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

/**
 * One photo for many visits is caught: the same bytes on visits to two households, or on records of two days (also
 * when an edit moves a record to another day), flag every record involved, once; the same household's photo twice on
 * one day does not. A record that says how many files follow is told how many are missing. County 341831.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvidenceFlagsTest {

    static final UUID UNIT = UUID.fromString("9e4a5b6c-7d8e-4f9a-8b1c-2d3e4f5a6b7c");
    static final String VILLAGE = "341831100201";
    static final UUID HOUSE_1 = UUID.randomUUID();
    static final UUID HOUSE_1_AGAIN = UUID.randomUUID();
    static final UUID HOUSE_2 = UUID.randomUUID();
    static final UUID POSTER_MONDAY = UUID.randomUUID();
    static final UUID POSTER_TUESDAY = UUID.randomUUID();
    static final UUID BANNER_1 = UUID.randomUUID();
    static final UUID BANNER_2 = UUID.randomUUID();
    static final byte[] NOTICE = EvidenceFiles.uniquePng();
    static final byte[] POSTER = EvidenceFiles.uniquePng();
    static final byte[] BANNER = EvidenceFiles.uniquePng();

    @Inject
    Plan plan;

    @Inject
    EntityManager em;

    static void record(UUID id, String kind, String day, String household, Integer expected, long baseVersion) {
        String body = """
                {"id": "%s", "kind": "%s", "occurredAt": "%sT10:30:00+08:00", "regionCode": "%s", "unitId": "%s",
                 "targetGroup": "ELDERLY" %s %s %s}""".formatted(id, kind, day, VILLAGE, UNIT,
                household == null ? "" : ", \"household\": {\"ref\": \"" + household + "\", \"noticeSigned\": true}",
                expected == null ? "" : ", \"evidenceExpected\": " + expected,
                baseVersion == 0 ? "" : ", \"baseVersion\": " + baseVersion);
        if (baseVersion == 0) {
            given().contentType(ContentType.JSON).body(body).post("/api/v1/outreach").then().statusCode(201);
        } else {
            given().contentType(ContentType.JSON).body(body).put("/api/v1/outreach/" + id).then().statusCode(200);
        }
    }

    @Test
    @Order(1)
    @TestSecurity(user = "worker-31", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341831"))
    void aRecordIsToldHowManyFilesAreMissing() throws Exception {
        CampaignEvents.regions("村", "341831", "341831100", VILLAGE);
        CampaignEvents.unit(UNIT, "某派出所", "341831100");
        CampaignEvents.awaitKnown(plan, VILLAGE, UNIT);
        record(HOUSE_1, "DOOR_TO_DOOR", "2024-03-04", "HH-1", 2, 0);
        given().get("/api/v1/outreach/" + HOUSE_1).then().body("evidenceExpected", equalTo(2))
                .body("evidenceReceived", equalTo(0)).body("evidenceMissing", equalTo(2));
        upload(HOUSE_1, "notice.png", NOTICE).statusCode(201).body("missingOnRecord", equalTo(1));
        upload(HOUSE_1, "notice.png", NOTICE).statusCode(200).body("missingOnRecord", equalTo(1));
        given().get("/api/v1/outreach/" + HOUSE_1).then().body("evidenceReceived", equalTo(1))
                .body("evidenceMissing", equalTo(1));
        // The same content again, with the count, is the same record: nothing changes.
        given().contentType(ContentType.JSON).body("""
                {"id": "%s", "kind": "DOOR_TO_DOOR", "occurredAt": "2024-03-04T10:30:00+08:00", "regionCode": "%s",
                 "unitId": "%s", "targetGroup": "ELDERLY", "household": {"ref": "HH-1", "noticeSigned": true},
                 "evidenceExpected": 2}""".formatted(HOUSE_1, VILLAGE, UNIT)).post("/api/v1/outreach").then()
                .statusCode(200).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body("""
                {"id": "%s", "kind": "POSTER", "occurredAt": "2024-03-04T10:30:00+08:00", "regionCode": "%s",
                 "unitId": "%s", "targetGroup": "ELDERLY", "evidenceExpected": -1}""".formatted(UUID.randomUUID(),
                VILLAGE, UNIT)).post("/api/v1/outreach").then().statusCode(400).body("code", equalTo("request.invalid"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "worker-31", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341831"))
    void onePhotoOnTwoHouseholdsOrTwoDaysIsFlagged() throws Exception {
        // The same household's photo on its second record of the day is no fake.
        record(HOUSE_1_AGAIN, "DOOR_TO_DOOR", "2024-03-04", "HH-1", null, 0);
        upload(HOUSE_1_AGAIN, "notice.png", NOTICE).statusCode(201);
        assertEquals(0, flagsInCounty());

        record(HOUSE_2, "DOOR_TO_DOOR", "2024-03-04", "HH-2", null, 0);
        upload(HOUSE_2, "notice.png", NOTICE).statusCode(201);
        record(POSTER_MONDAY, "POSTER", "2024-03-04", null, null, 0);
        record(POSTER_TUESDAY, "POSTER", "2024-03-05", null, null, 0);
        upload(POSTER_MONDAY, "wall.png", POSTER).statusCode(201);
        upload(POSTER_TUESDAY, "wall-again.png", POSTER).statusCode(201);
        upload(POSTER_TUESDAY, "wall-again.png", POSTER).statusCode(200);

        // Two banners of one day share a photo; moving one to the next day makes it suspect.
        record(BANNER_1, "BANNER", "2024-03-06", null, null, 0);
        record(BANNER_2, "BANNER", "2024-03-06", null, null, 0);
        upload(BANNER_1, "banner.png", BANNER).statusCode(201);
        upload(BANNER_2, "banner.png", BANNER).statusCode(201);
        assertEquals(5, flagsInCounty());
        record(BANNER_2, "BANNER", "2024-03-07", null, null, 1);
        assertEquals(7, flagsInCounty());
    }

    long flagsInCounty() {
        return QuarkusTransaction.requiringNew().call(() -> (Long) em.createQuery("select count(f) from EvidenceFlag f "
                + "where f.recordId in (select r.id from OutreachRecord r where r.regionCode like '341831%')")
                .getSingleResult());
    }

    @Test
    @Order(3)
    @TestSecurity(user = "inspector-31", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "region", value = "341831"))
    void theInspectorSeesEachFlaggedRecordWithWhatItSharesItsPhotoWith() {
        given().queryParam("reason", "DIFFERENT_HOUSEHOLDS").get("/api/v1/outreach/flags").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.recordId", containsInAnyOrder(HOUSE_1.toString(), HOUSE_1_AGAIN.toString(), HOUSE_2.toString()))
                .body("items.find { it.recordId == '%s' }.sharedWith".formatted(HOUSE_2),
                        containsInAnyOrder(HOUSE_1.toString(), HOUSE_1_AGAIN.toString()))
                .body("items.find { it.recordId == '%s' }.names".formatted(HOUSE_2), equalTo(List.of("notice.png")))
                .body("items.find { it.recordId == '%s' }.householdRef".formatted(HOUSE_2), equalTo("HH-2"))
                .body("items.find { it.recordId == '%s' }.sharedWith".formatted(HOUSE_1),
                        containsInAnyOrder(HOUSE_1_AGAIN.toString(), HOUSE_2.toString()));
        given().queryParam("reason", "DIFFERENT_DAYS").queryParam("within", "341831100").get("/api/v1/outreach/flags")
                .then().statusCode(200).body("items.recordId", containsInAnyOrder(POSTER_MONDAY.toString(),
                        POSTER_TUESDAY.toString(), BANNER_1.toString(), BANNER_2.toString()))
                .body("items.find { it.recordId == '%s' }.names".formatted(POSTER_TUESDAY), equalTo(List.of("wall-again.png")))
                .body("items.find { it.recordId == '%s' }.reviewState".formatted(POSTER_TUESDAY), equalTo("PENDING"));
        given().queryParam("worker", "someone-else").get("/api/v1/outreach/flags").then().body("items", empty());
        // Announced once per flagged record, so that reporting can count evidence quality.
        List<?> announced = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select subject from outbox_event where event_type = ?1 and payload ->> 'regionCode' like '341831%'")
                .setParameter(1, EventTypes.EVIDENCE_FLAGGED).getResultList());
        assertEquals(7, announced.size());
        assertEquals(7, announced.stream().distinct().count());
    }

    @Test
    @Order(4)
    @TestSecurity(user = "inspector-31", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "region", value = "341831"))
    void badFiltersAreRefused() {
        given().queryParam("reason", "BLURRY").get("/api/v1/outreach/flags").then().statusCode(400);
        given().queryParam("within", "34183").get("/api/v1/outreach/flags").then().statusCode(400);
        given().queryParam("size", 501).get("/api/v1/outreach/flags").then().statusCode(400);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "worker-31", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341831"))
    void aFieldWorkerDoesNotBrowseTheFlags() {
        given().get("/api/v1/outreach/flags").then().statusCode(403);
    }

    @Test
    @Order(6)
    @TestSecurity(user = "inspector-32", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "region", value = "341832"))
    void anotherCountySeesNoneOfThem() {
        given().get("/api/v1/outreach/flags").then().statusCode(200).body("items", empty());
        given().queryParam("within", "341831").get("/api/v1/outreach/flags").then().statusCode(403)
                .body("code", equalTo("scope.forbidden"));
    }
}
