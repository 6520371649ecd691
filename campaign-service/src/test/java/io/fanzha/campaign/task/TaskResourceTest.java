package io.fanzha.campaign.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** The seed plan's tasks: posters by Jan 31, the first door-to-door round by Mar 31, groups by Feb 28, 12 sessions. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestSecurity(user = "county-admin", roles = "admin")
@OidcSecurity(claims = @Claim(key = "region", value = "341825"))
class TaskResourceTest {

    static final String PROBLEM = "application/problem+json";

    /** The seed plan's campaign, for the out-of-scope test that runs after. */
    static String seedCampaign;

    static String campaign() {
        Fixtures.ensureRegion("341825", "旌德县");
        return given().contentType(ContentType.JSON).body("""
                {"theme": "防范电信网络诈骗集中宣传活动", "regionCode": "341825", "startDate": "2024-01-10",
                 "endDate": "2024-03-31"}""").post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse task(String campaign, String json) {
        return given().contentType(ContentType.JSON).body(json).post("/api/v1/campaigns/" + campaign + "/tasks").then();
    }

    @Test
    @Order(1)
    void theSeedPlansTasksArePlannedReadAndAnnounced() {
        String campaign = campaign();
        seedCampaign = campaign;
        String school = given().contentType(ContentType.JSON).body("""
                {"name": "旌德中学", "type": "SCHOOL", "regionCode": "341825"}""").post("/api/v1/units").then()
                .statusCode(201).extract().path("id");
        String posters = task(campaign, """
                {"title": "每个社区、小区、单位出入口张贴反诈标语和海报", "kind": "SOCIAL_FACE", "regionCode": "341825",
                 "deadline": "2024-01-31", "quotaCount": 1500, "quotaKinds": ["POSTER", "BANNER", "POSTER"]}""")
                .statusCode(201).body("quotaKinds", contains("POSTER", "BANNER")).extract().path("id");
        task(campaign, """
                {"title": "完成首轮入户走访", "kind": "DOOR_TO_DOOR", "regionCode": "341825", "deadline": "2024-03-31",
                 "quotaCoveragePercent": 100}""").statusCode(201);
        task(campaign, """
                {"title": "按楼栋、村民组、单位建立反诈微信群", "kind": "MESSAGING_GROUPS", "regionCode": "341825",
                 "deadline": "2024-02-28", "notes": "每群明确一名负责人\\n每周至少推送一次"}""").statusCode(201);
        task(campaign, """
                {"title": "开展专场宣讲", "kind": "SPECIAL_SESSION", "regionCode": "341825", "deadline": "2024-12-31",
                 "unitIds": ["%s"], "quotaCount": 12, "quotaKinds": ["LECTURE"]}""".formatted(school))
                .statusCode(201).body("unitIds", contains(school));

        given().get("/api/v1/campaigns/" + campaign + "/tasks").then().statusCode(200)
                .body("items.deadline", contains("2024-01-31", "2024-02-28", "2024-03-31", "2024-12-31"));
        given().contentType(ContentType.JSON).body("""
                {"title": "每个社区、小区、单位出入口张贴反诈标语和海报", "kind": "SOCIAL_FACE", "regionCode": "341825",
                 "deadline": "2024-02-05", "quotaCount": 1500, "quotaKinds": ["POSTER"], "version": 0}""")
                .put("/api/v1/campaigns/" + campaign + "/tasks/" + posters).then().statusCode(200)
                .body("deadline", equalTo("2024-02-05")).body("version", equalTo(1));

        ConsumerRecord<String, String> event = TopicReader
                .findBySubject(Topics.CAMPAIGN, EventTypes.TASK_UPDATED, posters).orElseThrow();
        assertEquals("2024-02-05", TopicReader.body(event.value()).get("deadline"));
        given().delete("/api/v1/campaigns/" + campaign + "/tasks/" + posters).then().statusCode(204);
        given().get("/api/v1/campaigns/" + campaign + "/tasks/" + posters).then().statusCode(404)
                .body("code", equalTo("task.not-found"));
    }

    @Test
    void badInputIsAProblemAndNothingIsStored() {
        String campaign = campaign();
        task(campaign, """
                {"title": "x", "kind": "SOCIAL_FACE", "regionCode": "341825", "deadline": "2024-01-31",
                 "quotaCount": 5, "quotaCoveragePercent": 50}""").statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("task.quota-invalid"));
        task(campaign, """
                {"title": "x", "kind": "SOCIAL_FACE", "regionCode": "341825", "deadline": "2024-01-31", "quotaCount": 5}""")
                .statusCode(400).body("code", equalTo("task.quota-invalid")).body("violations[0].field", equalTo("quotaKinds"));
        task(campaign, """
                {"title": "x", "kind": "SOCIAL_FACE", "regionCode": "341825", "deadline": "2024-01-31",
                 "unitIds": ["00000000-0000-4000-8000-000000000000"]}""").statusCode(400)
                .body("code", equalTo("task.unit-unknown"));
        task(campaign, """
                {"title": "x", "kind": "SOCIAL_FACE", "regionCode": "341824", "deadline": "2024-01-31"}""")
                .statusCode(400).body("code", equalTo("task.region-outside"));
        task(campaign, """
                {"title": "x", "kind": "PARTY", "regionCode": "341825", "deadline": "2024-01-31"}""")
                .statusCode(400).body("code", equalTo("request.malformed"));
        task(campaign, "{\"title\": \"x\", \"kind\": \"OTHER\", \"regionCode\": \"341825\"}").statusCode(400)
                .body("violations[0].field", equalTo("deadline"));
        given().get("/api/v1/campaigns/" + campaign + "/tasks").then().body("total", equalTo(0));
    }

    @Test
    @TestSecurity(user = "field-worker", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825100201"))
    void aFieldWorkerCannotPlanTasks() {
        task("8c0d2a7e-0000-4000-8000-000000000000", """
                {"title": "x", "kind": "OTHER", "regionCode": "341825100201", "deadline": "2024-01-31"}""")
                .statusCode(403).body("code", equalTo("auth.forbidden"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "other-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341824"))
    void anotherCountysAdminCannotSeeOrPlanTheTasks() {
        given().get("/api/v1/campaigns/" + seedCampaign + "/tasks").then().statusCode(403)
                .body("code", equalTo("scope.forbidden"));
        task(seedCampaign, """
                {"title": "x", "kind": "OTHER", "regionCode": "341824", "deadline": "2024-01-31"}""")
                .statusCode(403).body("code", equalTo("scope.forbidden"));
    }
}
