package io.fanzha.campaign.unit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.fanzha.campaign.support.Fixtures;
import io.fanzha.campaign.support.TopicReader;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Ordered: the admin's test creates the units the readers' tests then read. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnitResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final String EDUCATION = """
            {"name": "旌德县教育局", "type": "GOVERNMENT_DEPARTMENT", "regionCode": "341825",
             "targetGroups": ["STUDENTS", "PARENTS", "STUDENTS"], "liaisonName": "王老师", "liaisonPosition": "办公室主任",
             "liaisonPhone": "13812345678"}""";

    static ValidatableResponse create(String json) {
        return given().contentType(ContentType.JSON).body(json).post("/api/v1/units").then();
    }

    @Test
    @Order(1)
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void anAdminCreatesAndUpdatesAUnitAndEachChangeIsAnEventWithoutThePhone() {
        Fixtures.ensureRegion("341825", "旌德县");
        String id = create(EDUCATION).statusCode(201)
                .header("Location", containsString("/api/v1/units/"))
                .body("type", equalTo("GOVERNMENT_DEPARTMENT"))
                .body("targetGroups", contains("STUDENTS", "PARENTS"))
                .body("liaisonPhone", equalTo("13812345678"))
                .body("active", equalTo(true))
                .body("version", equalTo(0))
                .extract().path("id");

        String changed = EDUCATION.replace("办公室主任", "副局长").replace("}", ", \"version\": 0}");
        given().contentType(ContentType.JSON).body(changed).put("/api/v1/units/" + id).then().statusCode(200)
                .body("liaisonPosition", equalTo("副局长"))
                .body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(changed).put("/api/v1/units/" + id).then().statusCode(409)
                .contentType(PROBLEM).body("code", equalTo("unit.stale"));
        // The same state again changes nothing.
        given().contentType(ContentType.JSON).body(changed.replace("\"version\": 0", "\"version\": 1"))
                .put("/api/v1/units/" + id).then().statusCode(200).body("version", equalTo(1));

        ConsumerRecord<String, String> event = TopicReader
                .findBySubject(Topics.CAMPAIGN, EventTypes.UNIT_UPDATED, id).orElseThrow();
        assertEquals("341825", event.key());
        Map<String, Object> data = TopicReader.body(event.value());
        assertEquals("副局长", data.get("liaisonPosition"));
        assertEquals(1, data.get("version"));
        assertFalse(data.containsKey("liaisonPhone"), "phone numbers stay in campaign-service");

        given().queryParam("type", "GOVERNMENT_DEPARTMENT").queryParam("active", "true").get("/api/v1/units").then()
                .statusCode(200).body("items.id", hasItem(id)).body("items.type", everyItem(equalTo("GOVERNMENT_DEPARTMENT")));
        given().queryParam("type", "BANK").get("/api/v1/units").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void badInputIsAProblemAndNothingIsStored() {
        Fixtures.ensureRegion("341825", "旌德县");
        int before = given().queryParam("within", "341825").get("/api/v1/units").then().extract().path("total");
        create("{\"name\": \"x\", \"regionCode\": \"341825\"}").statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("request.invalid")).body("violations[0].field", equalTo("type"));
        create(EDUCATION.replace("13812345678", "12345")).statusCode(400)
                .body("violations[0].field", equalTo("liaisonPhone"));
        create(EDUCATION.replace("PARENTS", "ALIENS")).statusCode(400).body("code", equalTo("request.malformed"));
        create(EDUCATION.replace("GOVERNMENT_DEPARTMENT", "SPACESHIP")).statusCode(400);
        create(EDUCATION.replace("\"341825\"", "\"341825199\"")).statusCode(400).body("code", equalTo("region.unknown"));
        create(EDUCATION.replace("旌德县教育局", " ")).statusCode(400).body("violations[0].field", equalTo("name"));
        given().queryParam("active", "yes").get("/api/v1/units").then().statusCode(400);
        given().queryParam("type", "bank").get("/api/v1/units").then().statusCode(400);
        given().get("/api/v1/units/not-a-uuid").then().statusCode(400).contentType(PROBLEM);
        given().get("/api/v1/units/00000000-0000-4000-8000-000000000000").then().statusCode(404)
                .body("code", equalTo("unit.not-found"));
        given().queryParam("within", "341825").get("/api/v1/units").then().body("total", equalTo(before));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aViewerReadsUnitsWithoutPhonesAndWritesNothing() {
        given().get("/api/v1/units").then().statusCode(200)
                .body("items.name", hasItem("旌德县教育局"))
                .body("items.liaisonName", hasItem("王老师"))
                .body("items.liaisonPhone", everyItem(nullValue()));
        create(EDUCATION).statusCode(403).contentType(PROBLEM).body("code", equalTo("auth.forbidden"));
    }

    @Test
    @TestSecurity(user = "inspector", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void anInspectorReadsThePhones() {
        given().get("/api/v1/units").then().statusCode(200).body("items.liaisonPhone", hasItem("13812345678"));
        create(EDUCATION).statusCode(403);
    }

    @Test
    @TestSecurity(user = "other-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341824"))
    void anotherCountysAdminIsOutOfScope() {
        create(EDUCATION).statusCode(403).body("code", equalTo("scope.forbidden"));
        given().queryParam("within", "341825").get("/api/v1/units").then().statusCode(403);
        given().get("/api/v1/units").then().statusCode(200).body("items.regionCode", everyItem(startsWith("341824")));
    }
}
