package io.fanzha.campaign.alliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class AllianceResourceTest {

    static final String PROBLEM = "application/problem+json";

    static ValidatableResponse post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).post(path).then();
    }

    static String unit(String name, String type, String region) {
        return post("/api/v1/units", """
                {"name": "%s", "type": "%s", "regionCode": "%s"}""".formatted(name, type, region))
                .statusCode(201).extract().path("id");
    }

    @Test
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void anAllianceNamesItsMembersAndEveryChangeIsAnEvent() {
        Fixtures.ensureRegion("341825", "旌德县");
        String carrier = unit("中国移动旌德分公司", "CARRIER", "341825");
        String bank = unit("旌德农商银行", "BANK", "341825");
        String id = post("/api/v1/alliances", """
                {"name": "旌德县反诈联盟", "regionCode": "341825", "memberIds": ["%s", "%s", "%s"]}"""
                .formatted(carrier, bank, carrier)).statusCode(201)
                .body("members.id", contains(carrier, bank))
                .body("members.type", contains("CARRIER", "BANK"))
                .extract().path("id");

        given().contentType(ContentType.JSON).body("""
                {"name": "旌德县反诈联盟", "regionCode": "341825", "memberIds": ["%s"], "version": 0}""".formatted(bank))
                .put("/api/v1/alliances/" + id).then().statusCode(200)
                .body("members.name", contains("旌德农商银行")).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body("""
                {"name": "旌德县反诈联盟", "regionCode": "341825", "memberIds": [], "version": 0}""")
                .put("/api/v1/alliances/" + id).then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("alliance.stale"));

        ConsumerRecord<String, String> event = TopicReader
                .findBySubject(Topics.CAMPAIGN, EventTypes.ALLIANCE_UPDATED, id).orElseThrow();
        Map<String, Object> data = TopicReader.body(event.value());
        assertEquals(List.of(bank), data.get("memberIds"));
        given().get("/api/v1/alliances").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void badInputIsAProblemAndNothingIsStored() {
        Fixtures.ensureRegion("341825", "旌德县");
        int before = given().get("/api/v1/alliances").then().extract().path("total");
        post("/api/v1/alliances", "{\"name\": \"x\", \"regionCode\": \"341825\"}").statusCode(400)
                .body("violations[0].field", equalTo("memberIds"));
        post("/api/v1/alliances", """
                {"name": "x", "regionCode": "341825", "memberIds": ["00000000-0000-4000-8000-000000000000"]}""")
                .statusCode(400).body("code", equalTo("alliance.member-unknown"));
        post("/api/v1/alliances", "{\"name\": \"x\", \"regionCode\": \"341825\", \"memberIds\": [\"nope\"]}")
                .statusCode(400).body("code", equalTo("request.malformed"));
        post("/api/v1/alliances", "{\"name\": \"x\", \"regionCode\": \"341825199\", \"memberIds\": []}")
                .statusCode(400).body("code", equalTo("region.unknown"));
        given().get("/api/v1/alliances/00000000-0000-4000-8000-000000000000").then().statusCode(404)
                .body("code", equalTo("alliance.not-found"));
        given().get("/api/v1/alliances").then().body("total", equalTo(before));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aViewerReadsButCreatesNothing() {
        given().get("/api/v1/alliances").then().statusCode(200);
        post("/api/v1/alliances", "{\"name\": \"x\", \"regionCode\": \"341825\", \"memberIds\": []}").statusCode(403)
                .body("code", equalTo("auth.forbidden"));
    }

    @Test
    @TestSecurity(user = "other-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341824"))
    void anotherCountysAdminIsOutOfScope() {
        post("/api/v1/alliances", "{\"name\": \"x\", \"regionCode\": \"341825\", \"memberIds\": []}").statusCode(403)
                .body("code", equalTo("scope.forbidden"));
        given().queryParam("within", "341825").get("/api/v1/alliances").then().statusCode(403);
    }
}
