package io.fanzha.campaign.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.fanzha.campaign.support.Fixtures;
import io.fanzha.campaign.support.TopicReader;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
class RegionResourceTest {

    static final String PROBLEM = "application/problem+json";

    @Test
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void adminBuildsTheTreeAndEveryChangeIsAnEvent() {
        ensureCounty();
        // The county is a root of the stored tree; its parent follows from its code all the same.
        given().get("/api/v1/regions/341825").then().statusCode(200)
                .body("level", equalTo("COUNTY"))
                .body("path", equalTo("34/3418/341825"))
                .body("parentCode", equalTo("3418"));
        create("{\"code\":\"341825100\",\"name\":\"旌阳镇\",\"residentHouseholds\":9000}")
                .statusCode(201)
                .body("parentCode", equalTo("341825"))
                .body("level", equalTo("TOWNSHIP"));
        create("{\"code\":\"341825100201\",\"name\":\"某某村\",\"parentCode\":\"341825100\",\"residentHouseholds\":420,\"population\":1310}")
                .statusCode(201)
                .body("path", equalTo("34/3418/341825/341825100/341825100201"))
                .body("level", equalTo("VILLAGE"));

        // 100 characters beyond the Basic Multilingual Plane are 200 UTF-16 units, and still 100 characters.
        create("{\"code\":\"341825104\",\"name\":\"" + "𠀀".repeat(100) + "\"}").statusCode(201);

        given().get("/api/v1/regions/341825100201").then().statusCode(200)
                .body("name", equalTo("某某村"))
                .body("residentHouseholds", equalTo(420));
        given().queryParam("within", "341825100").get("/api/v1/regions").then().statusCode(200)
                .body("items.code", contains("341825100", "341825100201"))
                .body("total", equalTo(2));
        given().queryParam("level", "VILLAGE").get("/api/v1/regions").then().statusCode(200)
                .body("items.code", hasItem("341825100201"))
                .body("items.level", everyItem(equalTo("VILLAGE")));

        ConsumerRecord<String, String> event = TopicReader
                .findBySubject(Topics.CAMPAIGN, EventTypes.REGION_CREATED, "341825100201").orElseThrow();
        assertEquals("341825", event.key(), "events are keyed by county");
        assertEquals("1.0", TopicReader.header(event, "ce_specversion"));
        assertTrue(TopicReader.header(event, "ce_id").length() >= 32);
        Map<String, Object> data = TopicReader.body(event.value());
        assertEquals("341825100", data.get("parentCode"));
        assertEquals(420, data.get("residentHouseholds"));
    }

    @Test
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void updateChangesNameAndDenominatorsAndAnnouncesIt() {
        ensureCounty();
        String created = create("{\"code\":\"341825101\",\"name\":\"蔡家桥镇\",\"residentHouseholds\":3000}")
                .statusCode(201).extract().path("updatedAt");
        String updated = given().contentType(ContentType.JSON)
                .body("{\"name\":\"蔡家桥镇\",\"residentHouseholds\":3100,\"population\":9800}")
                .put("/api/v1/regions/341825101").then().statusCode(200)
                .body("residentHouseholds", equalTo(3100))
                .body("version", equalTo(1))
                .extract().path("updatedAt");
        assertTrue(OffsetDateTime.parse(updated).isAfter(OffsetDateTime.parse(created)), created + " then " + updated);
        // The same values again change nothing: no new version, no event.
        given().contentType(ContentType.JSON).body("{\"name\":\"蔡家桥镇\",\"residentHouseholds\":3100,\"population\":9800}")
                .put("/api/v1/regions/341825101").then().statusCode(200)
                .body("version", equalTo(1))
                .body("updatedAt", equalTo(updated));
        ConsumerRecord<String, String> event = TopicReader
                .findBySubject(Topics.CAMPAIGN, EventTypes.REGION_UPDATED, "341825101").orElseThrow();
        assertEquals(1, TopicReader.body(event.value()).get("version"));
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .put("/api/v1/regions/341825199").then().statusCode(404)
                .contentType(PROBLEM).body("code", equalTo("region.not-found"));
    }

    @Test
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void badInputIsAProblemAndNothingIsStored() {
        create("{\"code\":\"12345\",\"name\":\"\"}").statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("request.invalid"))
                .body("violations.field", contains("code", "name"));
        create("{\"code\":\"341825102\",\"name\":").statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("request.malformed"));
        create("{\"code\":\"341825102\",\"name\":\"x\",\"residentHouseholds\":\"many\"}").statusCode(400)
                .contentType(PROBLEM).body("code", equalTo("request.malformed"))
                .body("violations[0].field", equalTo("residentHouseholds"));
        create("{\"code\":\"341825102\",\"name\":\"x\",\"residentHouseholds\":-1}").statusCode(400)
                .body("violations[0].field", equalTo("residentHouseholds"));
        create("{\"code\":\"341825000\",\"name\":\"x\"}").statusCode(400)
                .body("code", equalTo("request.invalid"))
                .body("violations[0].field", equalTo("code"));
        create("{\"code\":\"341825777201\",\"name\":\"孤村\"}").statusCode(400)
                .body("code", equalTo("region.parent-unknown"));
        create("{\"code\":\"341825102\",\"name\":\"x\",\"parentCode\":\"341825100\"}").statusCode(400)
                .body("code", equalTo("region.parent-mismatch"))
                .body("violations[0].field", equalTo("parentCode"));
        // Names are one visible line of at most 100 characters, counted as the document and PostgreSQL count them.
        create("{\"code\":\"341825102\",\"name\":\"\u200B\u3000\"}").statusCode(400)
                .body("violations[0].field", equalTo("name"));
        create("{\"code\":\"341825102\",\"name\":\"" + "𠀀".repeat(101) + "\"}").statusCode(400)
                .body("violations[0].field", equalTo("name"));
        given().get("/api/v1/regions/341825102").then().statusCode(404).body("code", equalTo("region.not-found"));
        given().get("/api/v1/regions/341825777201").then().statusCode(404);
        given().get("/api/v1/regions/abc").then().statusCode(400).body("code", equalTo("region.code-invalid"));
        given().queryParam("size", 100000).get("/api/v1/regions").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        given().queryParam("level", "3").get("/api/v1/regions").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("level", "village").get("/api/v1/regions").then().statusCode(400).contentType(PROBLEM);
        given().delete("/api/v1/regions/3418x").then().statusCode(400).body("code", equalTo("region.code-invalid"));
        given().delete("/api/v1/regions/341825199").then().statusCode(404).body("code", equalTo("region.not-found"));

        ensureCounty();
        create("{\"code\":\"341825\",\"name\":\"again\"}").statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("region.exists"))
                .body("requestId", notNullValue());
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void viewerMayReadButNotWrite() {
        create("{\"code\":\"341825103\",\"name\":\"x\"}").statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("auth.forbidden"));
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").put("/api/v1/regions/341825")
                .then().statusCode(403);
        given().get("/api/v1/regions").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "other-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341824"))
    void anotherCountysAdminIsOutOfScope() {
        create("{\"code\":\"341825104\",\"name\":\"x\"}").statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("scope.forbidden"));
        given().get("/api/v1/regions/341825").then().statusCode(403).body("code", equalTo("scope.forbidden"));
        given().queryParam("within", "341825").get("/api/v1/regions").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").put("/api/v1/regions/341825")
                .then().statusCode(403).body("code", equalTo("scope.forbidden"));
    }

    @Test
    @TestSecurity(user = "new-user", roles = { "default-roles-fanzha", "offline_access", "uma_authorization" })
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aUserWithOnlyKeycloaksDefaultRolesNeitherReadsNorWrites() {
        given().get("/api/v1/regions/341825").then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("auth.forbidden"));
        given().get("/api/v1/regions").then().statusCode(403);
        create("{\"code\":\"341825105\",\"name\":\"x\"}").statusCode(403).body("code", equalTo("auth.forbidden"));
    }

    @Test
    void anonymousCallerIsUnauthorized() {
        given().get("/api/v1/regions").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("auth.unauthenticated"));
    }

    @Test
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aRegionWithoutChildrenOrCampaignsIsDeletedAndThatIsAnnounced() {
        ensureCounty();
        create("{\"code\":\"341825106\",\"name\":\"待撤并镇\"}").statusCode(201);
        create("{\"code\":\"341825106201\",\"name\":\"待撤并村\"}").statusCode(201);
        given().delete("/api/v1/regions/341825106").then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("region.has-children"));
        given().delete("/api/v1/regions/341825106201").then().statusCode(204);
        given().get("/api/v1/regions/341825106201").then().statusCode(404);
        given().delete("/api/v1/regions/341825106201").then().statusCode(404).body("code", equalTo("region.not-found"));
        given().delete("/api/v1/regions/341825106").then().statusCode(204);

        ConsumerRecord<String, String> event = TopicReader
                .findBySubject(Topics.CAMPAIGN, EventTypes.REGION_DELETED, "341825106201").orElseThrow();
        assertEquals("341825", event.key());
        Map<String, Object> data = TopicReader.body(event.value());
        assertEquals("待撤并村", data.get("name"));
        assertEquals(1, data.get("version"), "the deletion comes after every earlier change");

        // A region a campaign is run in stays.
        given().contentType(ContentType.JSON).body("""
                {"theme":"防范电信网络诈骗集中宣传活动","regionCode":"341825","startDate":"2024-01-10","endDate":"2024-03-31"}""")
                .post("/api/v1/campaigns").then().statusCode(201);
        given().delete("/api/v1/regions/341825").then().statusCode(409).body("code", equalTo("region.in-use"));
    }

    @Test
    @TestSecurity(user = "national-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "CN"))
    void aNationalAdminLoadsProvincesAndPrefecturesAndTheCountyJoinsThem() {
        ensureCounty();
        create("{\"code\":\"34\",\"name\":\"安徽省\"}").statusCode(201)
                .body("level", equalTo("PROVINCE"))
                .body("parentCode", org.hamcrest.Matchers.nullValue())
                .body("path", equalTo("34"));
        create("{\"code\":\"3418\",\"name\":\"宣城市\"}").statusCode(201)
                .body("level", equalTo("PREFECTURE"))
                .body("parentCode", equalTo("34"));
        given().queryParam("within", "34").queryParam("size", 3).get("/api/v1/regions").then().statusCode(200)
                .body("items.code", contains("34", "3418", "341825"));
        given().queryParam("level", "PROVINCE").get("/api/v1/regions").then().statusCode(200)
                .body("items.code", hasItem("34"));
        given().get("/api/v1/regions/341825").then().statusCode(200).body("parentCode", equalTo("3418"));
        create("{\"code\":\"3419\",\"name\":\"x\",\"parentCode\":\"35\"}").statusCode(400)
                .body("code", equalTo("region.parent-mismatch"));
    }

    @Test
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aCountyAdminCannotTouchTheRegionsAboveItsCounty() {
        create("{\"code\":\"3418\",\"name\":\"宣城市\"}").statusCode(403).body("code", equalTo("scope.forbidden"));
        given().delete("/api/v1/regions/34").then().statusCode(403).body("code", equalTo("scope.forbidden"));
        given().queryParam("within", "3418").get("/api/v1/regions").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aViewerCannotDelete() {
        given().delete("/api/v1/regions/341825").then().statusCode(403).body("code", equalTo("auth.forbidden"));
    }

    static void ensureCounty() {
        Fixtures.ensureRegion("341825", "旌德县");
    }

    static io.restassured.response.ValidatableResponse create(String json) {
        return given().contentType(ContentType.JSON).body(json).post("/api/v1/regions").then();
    }
}
