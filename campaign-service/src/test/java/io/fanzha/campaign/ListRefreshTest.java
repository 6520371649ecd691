package io.fanzha.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.UUID;

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
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * What an offline app and a frontend rely on in every list: {@code q} finds by name, {@code updatedSince} gives only
 * what changed, and an unchanged answer is a bodiless 304. Names carry a token of this run, so that other tests'
 * data in the shared database cannot match; they live in a county of their own, since other classes count the
 * regions of theirs.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ListRefreshTest {

    static final String TOKEN = "刷新" + UUID.randomUUID().toString().substring(0, 6);
    static String campaign;
    static String adminsUnitsTag;

    static ExtractableResponse<Response> post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).post(path).then().statusCode(201).extract();
    }

    @Test
    @Order(1)
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "330127"))
    void everyListFindsByNameAndGivesOnlyWhatChangedSince() {
        Fixtures.ensureRegion("330127", "绩溪测试县");
        Fixtures.ensureRegion("330127100", "旌阳镇");
        String regionCode = "3301271009" + (10 + (int) (Math.random() * 89));
        given().contentType(ContentType.JSON).body("{\"code\":\"%s\",\"name\":\"%s村\"}".formatted(regionCode, TOKEN))
                .post("/api/v1/regions").then().statusCode(201);
        String firstUnit = post("/api/v1/units", """
                {"name": "%s第一单位", "type": "BANK", "regionCode": "330127", "liaisonPhone": "13812345678"}"""
                .formatted(TOKEN)).path("updatedAt");
        post("/api/v1/units", """
                {"name": "%s第二单位", "type": "BANK", "regionCode": "330127"}""".formatted(TOKEN));
        campaign = post("/api/v1/campaigns", """
                {"theme": "%s宣传月", "regionCode": "330127", "startDate": "2024-01-10", "endDate": "2024-03-31"}"""
                .formatted(TOKEN)).path("id");
        String tasks = "/api/v1/campaigns/" + campaign + "/tasks";
        String firstTask = post(tasks, """
                {"title": "%s张贴海报", "kind": "SOCIAL_FACE", "regionCode": "330127", "deadline": "2024-01-31"}"""
                .formatted(TOKEN)).path("updatedAt");
        post(tasks, """
                {"title": "入户走访", "kind": "DOOR_TO_DOOR", "regionCode": "330127", "deadline": "2024-03-31",
                 "quotaCoveragePercent": 100}""");
        post("/api/v1/alliances", "{\"name\": \"%s联盟\", \"regionCode\": \"330127\", \"memberIds\": []}".formatted(TOKEN));

        // q: a part of the name, ignoring case; for regions also the start of the code.
        given().queryParam("q", TOKEN).get("/api/v1/regions").then().statusCode(200).body("items.code", contains(regionCode));
        given().queryParam("q", regionCode).get("/api/v1/regions").then().body("items.name", contains(TOKEN + "村"));
        given().queryParam("q", TOKEN).get("/api/v1/units").then().body("total", equalTo(2));
        given().queryParam("q", TOKEN + "第二").get("/api/v1/units").then().body("items.name", contains(TOKEN + "第二单位"));
        given().queryParam("q", TOKEN).get("/api/v1/campaigns").then().body("items.id", contains(campaign));
        given().queryParam("q", TOKEN).get(tasks).then().body("items.title", contains(TOKEN + "张贴海报"));
        given().queryParam("q", TOKEN).get("/api/v1/alliances").then().body("total", equalTo(1));
        given().queryParam("q", "%").get("/api/v1/units").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("q", "_").get("/api/v1/campaigns").then().statusCode(200).body("total", equalTo(0));

        // updatedSince: strictly after the instant, so the newest updatedAt one holds gives only what is newer.
        given().queryParam("q", TOKEN).queryParam("updatedSince", firstUnit).get("/api/v1/units").then()
                .body("items.name", contains(TOKEN + "第二单位"));
        given().queryParam("updatedSince", firstTask).get(tasks).then().body("items.title", contains("入户走访"));
        given().queryParam("updatedSince", "2999-01-01T00:00:00Z").get("/api/v1/regions").then().body("total", equalTo(0));
        given().queryParam("updatedSince", "2999-01-01T00:00:00Z").get("/api/v1/campaigns/" + campaign + "/goals")
                .then().statusCode(200).body("total", equalTo(0));
        given().queryParam("q", "x").get("/api/v1/campaigns/" + campaign + "/goals").then().statusCode(400)
                .body("violations[0].field", equalTo("q"));
        given().queryParam("updatedSince", "2024-01-05").get("/api/v1/units").then().statusCode(400)
                .body("violations[0].field", equalTo("updatedSince"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "330127"))
    void anUnchangedListIsNotSentAgainAndAChangedOneIs() {
        for (String path : List.of("/api/v1/regions", "/api/v1/units", "/api/v1/alliances", "/api/v1/campaigns",
                "/api/v1/campaigns/" + campaign + "/goals", "/api/v1/campaigns/" + campaign + "/tasks",
                "/api/v1/campaigns/" + campaign)) {
            String tag = given().get(path).then().statusCode(200).extract().header("ETag");
            given().header("If-None-Match", tag).get(path).then().statusCode(304).body(emptyString());
        }
        String tag = given().queryParam("q", TOKEN).get("/api/v1/units").then().extract().header("ETag");
        adminsUnitsTag = tag;
        post("/api/v1/units", "{\"name\": \"%s第三单位\", \"type\": \"BANK\", \"regionCode\": \"330127\"}".formatted(TOKEN));
        given().queryParam("q", TOKEN).header("If-None-Match", tag).get("/api/v1/units").then().statusCode(200)
                .header("ETag", not(equalTo(tag))).body("total", equalTo(3));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "330127"))
    void whatWasDeletedSinceIsNamedOnTheFirstPage() {
        String tasks = "/api/v1/campaigns/" + campaign + "/tasks";
        String since = given().get(tasks).then().extract().path("items[0].updatedAt");
        String doomed = post(tasks, """
                {"title": "临时任务", "kind": "OTHER", "regionCode": "330127", "deadline": "2024-02-01"}""").path("id");
        given().delete(tasks + "/" + doomed).then().statusCode(204);
        given().queryParam("updatedSince", since).get(tasks).then().statusCode(200)
                .body("items.id", not(hasItem(doomed))).body("removed", contains(doomed));
        given().queryParam("updatedSince", since).queryParam("page", 1).get(tasks).then().body("removed", nullValue());
        given().get(tasks).then().body("removed", nullValue());
        given().queryParam("updatedSince", since).get("/api/v1/campaigns/" + campaign + "/goals").then()
                .body("removed", empty());

        Fixtures.ensureRegion("330127101", "撤并镇");
        given().delete("/api/v1/regions/330127101").then().statusCode(204);
        given().queryParam("updatedSince", since).get("/api/v1/regions").then().body("removed", contains("330127101"));
        given().queryParam("updatedSince", since).queryParam("within", "330127100").get("/api/v1/regions").then()
                .body("removed", empty());
        // Created again, it is no longer deleted.
        Fixtures.ensureRegion("330127101", "撤并镇");
        given().queryParam("updatedSince", since).get("/api/v1/regions").then().body("removed", empty())
                .body("items.code", hasItem("330127101"));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "330127"))
    void aViewersAnswerHasItsOwnTagBecauseItLacksThePhones() {
        given().queryParam("q", TOKEN).header("If-None-Match", adminsUnitsTag).get("/api/v1/units").then()
                .statusCode(200).body("items.name", hasItem(TOKEN + "第一单位"));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "other-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341824"))
    void aSearchNeverReachesOutsideTheScope() {
        given().queryParam("q", TOKEN).get("/api/v1/units").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("q", "330127").get("/api/v1/regions").then().statusCode(200)
                .body("items.code", everyItem(startsWith("341824")));
        given().queryParam("q", TOKEN).queryParam("within", "330127").get("/api/v1/campaigns").then().statusCode(403);
    }
}
