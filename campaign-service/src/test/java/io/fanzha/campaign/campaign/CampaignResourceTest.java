package io.fanzha.campaign.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
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
                .body("code", equalTo("request.malformed"))
                .body("violations[0].field", startsWith("targetGroups"));
        create(CAMPAIGN.replace("\"ONLINE_LOAN\",", "\"online loan\",")).statusCode(400)
                .body("code", equalTo("request.invalid"))
                .body("violations[0].field", equalTo("focusCategories[0]"));
        create(CAMPAIGN.replace("}", ", \"leadingGroup\": [{\"name\": \"张三\", \"role\": \"LEADER\", "
                + "\"unitId\": \"00000000-0000-4000-8000-000000000000\"}]}")).statusCode(400)
                .body("code", equalTo("campaign.unit-unknown"))
                .body("violations[0].field", equalTo("leadingGroup[0].unitId"));
        create(CAMPAIGN.replace("}", ", \"leadingGroup\": [{\"name\": \"张三\", \"role\": \"BOSS\"}]}"))
                .statusCode(400).body("code", equalTo("request.malformed"));
        create("{}").statusCode(400).body("violations.field",
                contains("endDate", "regionCode", "startDate", "theme"));
        given().get("/api/v1/campaigns").then().body("total", equalTo((int) before));
        given().get("/api/v1/campaigns/8c0d2a7e-0000-4000-8000-000000000000").then().statusCode(404)
                .body("code", equalTo("campaign.not-found"));
    }

    @Test
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aCampaignIsPlannedRunAndClosedAndThenFrozen() {
        Fixtures.ensureRegion("341825", "旌德县");
        String plan = CAMPAIGN.replace("}", ", \"description\": \"一、总体要求\\n二、工作任务\", "
                + "\"leadingGroup\": [{\"name\": \"张三\", \"role\": \"LEADER\", \"position\": \"县委副书记\"}, "
                + "{\"name\": \"李四\", \"role\": \"OFFICE\"}]}");
        String id = create(plan).statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("description", equalTo("一、总体要求\n二、工作任务"))
                .body("leadingGroup.role", contains("LEADER", "OFFICE"))
                .body("leadingGroup[1].position", nullValue())
                .extract().path("id");

        String changed = plan.replace("防范电信网络诈骗集中宣传活动", "防范电信网络诈骗集中宣传月").replace("}]}", "}], \"version\": 0}");
        given().contentType(ContentType.JSON).body(changed).put("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("theme", equalTo("防范电信网络诈骗集中宣传月")).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(changed).put("/api/v1/campaigns/" + id).then().statusCode(409)
                .contentType(PROBLEM).body("code", equalTo("campaign.stale"));

        status(id, "CLOSED", 1).statusCode(409).body("code", equalTo("campaign.status-invalid"));
        status(id, "ACTIVE", 1).statusCode(200).body("status", equalTo("ACTIVE")).body("version", equalTo(2));
        status(id, "ACTIVE", 2).statusCode(200).body("version", equalTo(2));
        status(id, "CLOSED", 2).statusCode(200).body("status", equalTo("CLOSED"));
        status(id, "ACTIVE", 3).statusCode(409).body("code", equalTo("campaign.status-invalid"));
        given().contentType(ContentType.JSON).body(changed.replace("\"version\": 0", "\"version\": 3"))
                .put("/api/v1/campaigns/" + id).then().statusCode(409).body("code", equalTo("campaign.closed"));

        ConsumerRecord<String, String> event = TopicReader
                .findBySubject(Topics.CAMPAIGN, EventTypes.CAMPAIGN_UPDATED, id, value -> value.contains("\"CLOSED\""))
                .orElseThrow();
        assertEquals(3, TopicReader.body(event.value()).get("version"));
    }

    static io.restassured.response.ValidatableResponse status(String id, String status, long version) {
        return given().contentType(ContentType.JSON).body("{\"status\": \"" + status + "\", \"version\": " + version + "}")
                .put("/api/v1/campaigns/" + id + "/status").then();
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aViewerMayNotChangeACampaign() {
        given().contentType(ContentType.JSON).body(CAMPAIGN).put("/api/v1/campaigns/8c0d2a7e-0000-4000-8000-000000000000")
                .then().statusCode(403).body("code", equalTo("auth.forbidden"));
        status("8c0d2a7e-0000-4000-8000-000000000000", "ACTIVE", 0).statusCode(403);
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
