package io.fanzha.campaign.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.fanzha.campaign.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

/**
 * A village's field worker reads the plans that reach into her village from above (her township's station, her
 * county's campaign and its tasks), to tag her outreach with them, and changes none of them. In a county of its own
 * (330128).
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlansReachingTest {

    static String station;
    static String campaign;

    @Test
    @Order(1)
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "330128"))
    void theCountyPlans() {
        Fixtures.ensureRegion("330128", "某县");
        Fixtures.ensureRegion("330128100", "某镇");
        Fixtures.ensureRegion("330128100201", "某村");
        station = given().contentType(ContentType.JSON).body("""
                {"name": "某镇派出所", "type": "POLICE_STATION", "regionCode": "330128100"}""").post("/api/v1/units")
                .then().statusCode(201).extract().path("id");
        campaign = given().contentType(ContentType.JSON).body("""
                {"theme": "某县反诈宣传", "regionCode": "330128", "startDate": "2024-01-10", "endDate": "2024-03-31"}""")
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("""
                {"title": "完成首轮入户走访", "kind": "DOOR_TO_DOOR", "regionCode": "330128", "deadline": "2024-03-31",
                 "quotaCoveragePercent": 100}""").post("/api/v1/campaigns/" + campaign + "/tasks").then().statusCode(201);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "village-worker", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "330128100201"))
    void aVillageWorkerReadsThePlansAboveHerVillage() {
        given().get("/api/v1/units").then().statusCode(200).body("items.id", not(hasItem(station)));
        given().queryParam("reaching", "true").get("/api/v1/units").then().statusCode(200)
                .body("items.id", hasItem(station));
        given().get("/api/v1/units/" + station).then().statusCode(200).body("name", equalTo("某镇派出所"));
        given().get("/api/v1/campaigns").then().statusCode(200).body("items.id", not(hasItem(campaign)));
        given().queryParam("reaching", "true").get("/api/v1/campaigns").then().statusCode(200)
                .body("items.id", hasItem(campaign));
        given().get("/api/v1/campaigns/" + campaign).then().statusCode(200).body("theme", equalTo("某县反诈宣传"));
        given().get("/api/v1/campaigns/" + campaign + "/tasks").then().statusCode(200).body("total", equalTo(1));
        given().get("/api/v1/campaigns/" + campaign + "/goals").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("reaching", "maybe").get("/api/v1/campaigns").then().statusCode(400);
        given().contentType(ContentType.JSON).body("""
                {"theme": "改", "regionCode": "330128", "startDate": "2024-01-10", "endDate": "2024-03-31", "version": 0}""")
                .put("/api/v1/campaigns/" + campaign).then().statusCode(403);
        given().contentType(ContentType.JSON).body("""
                {"name": "改", "type": "POLICE_STATION", "regionCode": "330128100", "version": 0}""")
                .put("/api/v1/units/" + station).then().statusCode(403);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "other-worker", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "330127100201"))
    void anotherCountysWorkerDoesNot() {
        given().get("/api/v1/campaigns/" + campaign).then().statusCode(403).body("code", equalTo("scope.forbidden"));
        given().get("/api/v1/units/" + station).then().statusCode(403);
        given().queryParam("reaching", "true").get("/api/v1/campaigns").then().statusCode(200)
                .body("items.id", not(hasItem(campaign)));
    }
}
