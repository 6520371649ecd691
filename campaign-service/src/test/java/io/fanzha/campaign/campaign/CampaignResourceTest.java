package io.fanzha.campaign.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
class CampaignResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final String CAMPAIGN = """
            {"theme": "防范电信网络诈骗集中宣传活动", "regionCode": "341825", "startDate": "2024-01-10",
             "endDate": "2024-03-31", "focusCategories": ["ONLINE_LOAN", "INVESTMENT_GAMBLING", "ONLINE_LOAN"],
             "targetGroups": ["ELDERLY", "STUDENTS"]}""";

    @Test
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void adminCreatesACampaignAndItIsAnnounced() {
        Fixtures.ensureRegion("341825", "旌德县");
        String id = create(CAMPAIGN).statusCode(201)
                .body("regionCode", equalTo("341825"))
                .body("focusCategories", contains("ONLINE_LOAN", "INVESTMENT_GAMBLING"))
                .extract().path("id");
        given().get("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("theme", equalTo("防范电信网络诈骗集中宣传活动"))
                .body("startDate", equalTo("2024-01-10"));
        given().queryParam("within", "341825").get("/api/v1/campaigns").then().statusCode(200)
                .body("items.id", hasItem(id));

        ConsumerRecord<String, String> event = TopicReader
                .findBySubject(Topics.CAMPAIGN, EventTypes.CAMPAIGN_CREATED, id).orElseThrow();
        assertEquals("341825", event.key());
        assertEquals("2024-03-31", TopicReader.body(event.value()).get("endDate"));
    }

    @Test
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void badInputIsAProblemAndNothingIsStored() {
        Fixtures.ensureRegion("341825", "旌德县");
        long before = given().get("/api/v1/campaigns").then().extract().jsonPath().getLong("total");
        create(CAMPAIGN.replace("\"2024-03-31\"", "\"2023-12-31\"")).statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("campaign.period-invalid"))
                .body("violations[0].field", equalTo("endDate"));
        create(CAMPAIGN.replace("\"regionCode\": \"341825\"", "\"regionCode\": \"341825999\"")).statusCode(400)
                .body("code", equalTo("region.unknown"));
        create(CAMPAIGN.replace("\"2024-01-10\"", "\"2024-13-10\"")).statusCode(400)
                .body("code", equalTo("request.malformed"))
                .body("violations[0].field", equalTo("startDate"));
        create(CAMPAIGN.replace("\"ELDERLY\"", "\"old people\"")).statusCode(400)
                .body("code", equalTo("request.invalid"))
                .body("violations[0].field", equalTo("targetGroups[0]"));
        create("{}").statusCode(400).body("violations.field",
                contains("endDate", "regionCode", "startDate", "theme"));
        given().get("/api/v1/campaigns").then().body("total", equalTo((int) before));
        given().get("/api/v1/campaigns/8c0d2a7e-0000-4000-8000-000000000000").then().statusCode(404)
                .body("code", equalTo("campaign.not-found"));
    }

    @Test
    @TestSecurity(user = "field-worker", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825100201"))
    void fieldWorkerMayNotCreateCampaigns() {
        create(CAMPAIGN.replace("\"341825\"", "\"341825100201\"")).statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("auth.forbidden"));
    }

    @Test
    @TestSecurity(user = "other-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341824"))
    void anotherCountysAdminIsOutOfScope() {
        create(CAMPAIGN).statusCode(403).body("code", equalTo("scope.forbidden"));
        given().queryParam("within", "341825").get("/api/v1/campaigns").then().statusCode(403)
                .body("code", equalTo("scope.forbidden"));
    }

    static io.restassured.response.ValidatableResponse create(String json) {
        return given().contentType(ContentType.JSON).body(json).post("/api/v1/campaigns").then();
    }
}
