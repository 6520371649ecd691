package io.fanzha.campaign.goal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
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

/** The seed plan's goals: "两降" in Q1 and in 2024, coverage 100 % by March 31, 12 special sessions in 2024. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestSecurity(user = "county-admin", roles = "admin")
@OidcSecurity(claims = @Claim(key = "region", value = "341825"))
class GoalResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final String FOUR = "[\"ONLINE_LOAN\", \"INVESTMENT_GAMBLING\", \"ORDER_BRUSHING\", \"SHOPPING_REFUND\"]";

    static String campaign() {
        Fixtures.ensureRegion("341825", "旌德县");
        return given().contentType(ContentType.JSON).body("""
                {"theme": "防范电信网络诈骗集中宣传活动", "regionCode": "341825", "startDate": "2024-01-10",
                 "endDate": "2024-03-31"}""").post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse goal(String campaign, String json) {
        return given().contentType(ContentType.JSON).body(json).post("/api/v1/campaigns/" + campaign + "/goals").then();
    }

    /** The seed plan's campaign, for the out-of-scope test that runs after. */
    static String seedCampaign;

    @Test
    @Order(1)
    void theSeedPlansGoalsAreSetReadAndAnnounced() {
        String campaign = campaign();
        seedCampaign = campaign;
        String cases = goal(campaign, """
                {"metric": "CASES", "categories": %s, "regionCode": "341825", "period": "2024-Q1",
                 "targetChangePercent": -10}""".formatted(FOUR)).statusCode(201)
                .body("categories", contains("ONLINE_LOAN", "INVESTMENT_GAMBLING", "ORDER_BRUSHING", "SHOPPING_REFUND"))
                .body("period", equalTo("2024-Q1"))
                .body("deadline", nullValue())
                .extract().path("id");
        goal(campaign, """
                {"metric": "LOSS", "regionCode": "341825", "period": "2024", "targetChangePercent": -30}""")
                .statusCode(201).body("categories", empty());
        goal(campaign, """
                {"metric": "COVERAGE", "regionCode": "341825", "deadline": "2024-03-31", "targetPercent": 100}""")
                .statusCode(201).body("period", nullValue()).body("targetPercent", equalTo(100));
        goal(campaign, """
                {"metric": "ACTIVITY_COUNT", "regionCode": "341825", "period": "2024", "targetCount": 12,
                 "outreachKinds": ["LECTURE"]}""").statusCode(201).body("outreachKinds", contains("LECTURE"));

        given().get("/api/v1/campaigns/" + campaign + "/goals").then().statusCode(200)
                .body("items.metric", contains("CASES", "LOSS", "COVERAGE", "ACTIVITY_COUNT"));
        given().contentType(ContentType.JSON).body("""
                {"metric": "CASES", "categories": %s, "regionCode": "341825", "period": "2024-Q1",
                 "targetChangePercent": -20, "version": 0}""".formatted(FOUR))
                .put("/api/v1/campaigns/" + campaign + "/goals/" + cases).then().statusCode(200)
                .body("targetChangePercent", equalTo(-20)).body("version", equalTo(1));

        ConsumerRecord<String, String> event = TopicReader
                .findBySubject(Topics.CAMPAIGN, EventTypes.GOAL_UPDATED, cases).orElseThrow();
        assertEquals(campaign, TopicReader.body(event.value()).get("campaignId"));
        assertEquals(-20, TopicReader.body(event.value()).get("targetChangePercent"));

        given().delete("/api/v1/campaigns/" + campaign + "/goals/" + cases).then().statusCode(204);
        given().get("/api/v1/campaigns/" + campaign + "/goals/" + cases).then().statusCode(404)
                .body("code", equalTo("goal.not-found"));
    }

    @Test
    void invalidCombinationsAreRefusedWithAClearCode() {
        String campaign = campaign();
        goal(campaign, """
                {"metric": "COVERAGE", "regionCode": "341825", "deadline": "2024-03-31", "targetChangePercent": -10}""")
                .statusCode(400).contentType(PROBLEM).body("code", equalTo("goal.target-invalid"))
                .body("violations[0].field", equalTo("targetChangePercent"));
        goal(campaign, """
                {"metric": "COVERAGE", "regionCode": "341825", "targetPercent": 100}""")
                .statusCode(400).body("code", equalTo("goal.deadline-missing"));
        goal(campaign, """
                {"metric": "CASES", "regionCode": "341825", "targetChangePercent": -10}""")
                .statusCode(400).body("code", equalTo("goal.period-missing"));
        goal(campaign, """
                {"metric": "CASES", "regionCode": "341825", "period": "2024-Q1"}""")
                .statusCode(400).body("code", equalTo("goal.target-missing"));
        goal(campaign, """
                {"metric": "ACTIVITY_COUNT", "regionCode": "341825", "period": "2024", "targetCount": 12}""")
                .statusCode(400).body("code", equalTo("goal.target-missing"));
        goal(campaign, """
                {"metric": "CASES", "regionCode": "341824", "period": "2024-Q1", "targetChangePercent": -10}""")
                .statusCode(400).body("code", equalTo("goal.region-outside"));
        goal(campaign, """
                {"metric": "CASES", "regionCode": "341825", "period": "2023-W53", "targetChangePercent": -10}""")
                .statusCode(400);
        goal(campaign, """
                {"metric": "SMILES", "regionCode": "341825"}""").statusCode(400).body("code", equalTo("request.malformed"));
        goal("8c0d2a7e-0000-4000-8000-000000000000", """
                {"metric": "CASES", "regionCode": "341825", "period": "2024-Q1", "targetChangePercent": -10}""")
                .statusCode(404).body("code", equalTo("campaign.not-found"));
        given().get("/api/v1/campaigns/" + campaign + "/goals").then().body("total", equalTo(0));
    }

    @Test
    void theGoalsOfAClosedCampaignAreFrozen() {
        String campaign = campaign();
        String coverage = goal(campaign, """
                {"metric": "COVERAGE", "regionCode": "341825", "deadline": "2024-03-31", "targetPercent": 100}""")
                .statusCode(201).extract().path("id");
        for (String status : new String[] {"ACTIVE", "CLOSED"}) {
            given().contentType(ContentType.JSON).body("{\"status\": \"" + status + "\"}")
                    .put("/api/v1/campaigns/" + campaign + "/status").then().statusCode(200);
        }
        goal(campaign, """
                {"metric": "COVERAGE", "regionCode": "341825", "deadline": "2024-03-31", "targetPercent": 90}""")
                .statusCode(409).body("code", equalTo("campaign.closed"));
        given().delete("/api/v1/campaigns/" + campaign + "/goals/" + coverage).then().statusCode(409)
                .body("code", equalTo("campaign.closed"));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aViewerCannotSetGoals() {
        goal("8c0d2a7e-0000-4000-8000-000000000000", """
                {"metric": "CASES", "regionCode": "341825", "period": "2024-Q1", "targetChangePercent": -10}""")
                .statusCode(403).body("code", equalTo("auth.forbidden"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "other-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341824"))
    void anotherCountysAdminCannotSeeOrSetTheGoals() {
        given().get("/api/v1/campaigns/" + seedCampaign + "/goals").then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("scope.forbidden"));
        goal(seedCampaign, """
                {"metric": "CASES", "regionCode": "341824", "period": "2024-Q1", "targetChangePercent": -10}""")
                .statusCode(403).body("code", equalTo("scope.forbidden"));
    }
}
