package io.fanzha.campaign.messaging;

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

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

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

/**
 * Ordered: the coordinator's test registers the groups and pushes the others then read, log and refuse. In a county of its
 * own, since other classes count the regions of theirs.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessagingGroupResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final String VILLAGE = "330122100201";
    static final String GROUP = """
            {"platform": "WECHAT", "name": "篁嘉村一组反诈群", "regionCode": "330122100201", "memberCount": 86,
             "ownerName": "李明", "ownerPhone": "13912345678", "createdOn": "2024-01-20"}""";
    static String villageGroup;
    static String schoolGroup;
    static String campaign;
    static String fieldWorkersPush;

    static ValidatableResponse post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).post(path).then();
    }

    static ValidatableResponse push(String group, String json) {
        return post("/api/v1/messaging-groups/" + group + "/pushes", json);
    }

    static int groupsIn(String within) {
        return given().queryParam("within", within).get("/api/v1/messaging-groups").then().statusCode(200)
                .extract().path("total");
    }

    @Test
    @Order(1)
    @TestSecurity(user = "county-coordinator", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "region", value = "330122"))
    void aCoordinatorRegistersGroupsOfVillagesAndUnits() {
        Fixtures.ensureRegion("330122", "宁国测试县");
        Fixtures.ensureRegion("330122100", "旌阳镇");
        Fixtures.ensureRegion(VILLAGE, "篁嘉村");
        villageGroup = post("/api/v1/messaging-groups", GROUP).statusCode(201)
                .header("Location", containsString("/api/v1/messaging-groups/"))
                .body("platform", equalTo("WECHAT")).body("unitId", nullValue()).body("ownerPhone", equalTo("13912345678"))
                .body("createdOn", equalTo("2024-01-20")).body("active", equalTo(true)).body("version", equalTo(0))
                .extract().path("id");
        String school = post("/api/v1/units", """
                {"name": "旌阳中学", "type": "SCHOOL", "regionCode": "330122100"}""").statusCode(201).extract().path("id");
        // A unit's group lies in the unit's region unless it names one below it.
        schoolGroup = post("/api/v1/messaging-groups", """
                {"platform": "DINGTALK", "name": "旌阳中学家长群", "unitId": "%s", "memberCount": 420,
                 "ownerName": "张老师", "createdOn": "2024-01-15"}""".formatted(school)).statusCode(201)
                .body("regionCode", equalTo("330122100")).body("unitId", equalTo(school)).extract().path("id");
        campaign = post("/api/v1/campaigns", """
                {"theme": "防范电信网络诈骗集中宣传活动", "regionCode": "330122", "startDate": "2024-01-10",
                 "endDate": "2024-03-31"}""").statusCode(201).extract().path("id");

        given().contentType(ContentType.JSON).body(GROUP.replace("86", "90").replace("}", ", \"version\": 0}"))
                .put("/api/v1/messaging-groups/" + villageGroup).then().statusCode(200)
                .body("memberCount", equalTo(90)).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(GROUP.replace("}", ", \"version\": 0}"))
                .put("/api/v1/messaging-groups/" + villageGroup).then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("messaging-group.stale"));

        ConsumerRecord<String, String> event = TopicReader
                .findBySubject(Topics.CAMPAIGN, EventTypes.MESSAGING_GROUP_UPDATED, villageGroup).orElseThrow();
        assertEquals("330122", event.key());
        Map<String, Object> data = TopicReader.body(event.value());
        assertEquals(90, data.get("memberCount"));
        assertEquals("李明", data.get("ownerName"));
        assertFalse(data.containsKey("ownerPhone"), "phone numbers stay in campaign-service");

        // Two weeks of pushes in the village group; the school group pushes in the first only.
        push(villageGroup, """
                {"pushedOn": "2024-01-22", "title": "警惕刷单返利诈骗", "link": "https://mp.weixin.qq.com/s/a1",
                 "campaignId": "%s"}""".formatted(campaign)).statusCode(201)
                .body("recordedBy", equalTo("county-coordinator")).body("campaignId", equalTo(campaign));
        push(villageGroup, "{\"pushedOn\": \"2024-01-30\", \"title\": \"网贷诈骗案例\"}").statusCode(201);
        push(schoolGroup, "{\"pushedOn\": \"2024-01-24\", \"title\": \"致家长的一封信\"}").statusCode(201);
        String schoolPush = given().get("/api/v1/messaging-groups/" + schoolGroup + "/pushes").then().extract()
                .path("items[0].id");
        ConsumerRecord<String, String> logged = TopicReader
                .findBySubject(Topics.CAMPAIGN, EventTypes.MESSAGING_PUSH_LOGGED, schoolPush).orElseThrow();
        assertEquals("330122", logged.key());
        assertEquals("330122100", TopicReader.body(logged.value()).get("regionCode"));
        assertEquals(schoolGroup, TopicReader.body(logged.value()).get("groupId"));

        given().queryParam("withoutPushIn", "2024-W04").get("/api/v1/messaging-groups").then().statusCode(200)
                .body("items.id", not(hasItem(villageGroup))).body("items.id", not(hasItem(schoolGroup)));
        given().queryParam("withoutPushIn", "2024-W05").get("/api/v1/messaging-groups").then()
                .body("items.id", hasItem(schoolGroup)).body("items.id", not(hasItem(villageGroup)));
        // Set up on 2024-01-15 and 01-20: not expected to have pushed in week 2.
        given().queryParam("withoutPushIn", "2024-W02").get("/api/v1/messaging-groups").then()
                .body("items.id", not(hasItem(schoolGroup))).body("items.id", not(hasItem(villageGroup)));
        given().queryParam("withoutPushIn", "2024-02").queryParam("platform", "DINGTALK").get("/api/v1/messaging-groups")
                .then().body("items.id", contains(schoolGroup));
        given().queryParam("in", "2024-01").get("/api/v1/messaging-groups/" + villageGroup + "/pushes").then()
                .statusCode(200).body("items.pushedOn", contains("2024-01-30", "2024-01-22"));
        given().queryParam("in", "2024-W04").get("/api/v1/messaging-groups/" + villageGroup + "/pushes").then()
                .body("items.title", contains("警惕刷单返利诈骗"));

        // A group that has pushed keeps its record: it is retired, not deleted.
        given().delete("/api/v1/messaging-groups/" + schoolGroup).then().statusCode(409)
                .body("code", equalTo("messaging-group.has-pushes"));
        given().contentType(ContentType.JSON).body("""
                {"platform": "DINGTALK", "name": "旌阳中学家长群", "unitId": "%s", "memberCount": 420,
                 "ownerName": "张老师", "active": false}""".formatted(school))
                .put("/api/v1/messaging-groups/" + schoolGroup).then().statusCode(200).body("active", equalTo(false))
                .body("createdOn", equalTo("2024-01-15"));
        given().queryParam("withoutPushIn", "2024-W05").get("/api/v1/messaging-groups").then()
                .body("items.id", not(hasItem(schoolGroup)));
        String mistake = post("/api/v1/messaging-groups", GROUP.replace("一组", "二组")).statusCode(201).extract().path("id");
        given().delete("/api/v1/messaging-groups/" + mistake).then().statusCode(204);
        given().get("/api/v1/messaging-groups/" + mistake).then().statusCode(404)
                .body("code", equalTo("messaging-group.not-found"));
        given().delete("/api/v1/regions/" + VILLAGE).then().statusCode(409).body("code", equalTo("region.in-use"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "330122"))
    void badGroupsAndPushesAreProblemsAndNothingIsStored() {
        int before = groupsIn("330122");
        post("/api/v1/messaging-groups", GROUP.replace("\"WECHAT\"", "\"TELEGRAM\"")).statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("request.malformed"));
        post("/api/v1/messaging-groups", GROUP.replace("\"regionCode\": \"330122100201\",", "")).statusCode(400)
                .body("code", equalTo("messaging-group.place-missing"));
        post("/api/v1/messaging-groups", GROUP.replace("\"regionCode\": \"330122100201\",",
                "\"unitId\": \"" + UUID.randomUUID() + "\",")).statusCode(400).body("code", equalTo("messaging-group.unit-unknown"));
        post("/api/v1/messaging-groups", GROUP.replace("330122100201", "330122100299")).statusCode(400)
                .body("code", equalTo("region.unknown"));
        post("/api/v1/messaging-groups", GROUP.replace("86", "-1")).statusCode(400)
                .body("violations[0].field", equalTo("memberCount"));
        post("/api/v1/messaging-groups", GROUP.replace("13912345678", "139")).statusCode(400)
                .body("violations[0].field", equalTo("ownerPhone"));
        post("/api/v1/messaging-groups", GROUP.replace("李明", " ")).statusCode(400)
                .body("violations[0].field", equalTo("ownerName"));
        post("/api/v1/messaging-groups", GROUP.replace("2024-01-20", "2999-01-01")).statusCode(400)
                .body("code", equalTo("messaging-group.created-in-future"));
        String school = given().queryParam("q", "旌阳中学").get("/api/v1/units").then().extract().path("items[0].id");
        post("/api/v1/messaging-groups", GROUP.replace("\"regionCode\"", "\"unitId\": \"" + school + "\", \"regionCode\"")
                .replace("330122100201", "330122")).statusCode(400).body("code", equalTo("messaging-group.region-outside-unit"));
        given().contentType(ContentType.JSON).body(GROUP.replace("2024-01-20", "2024-01-25"))
                .put("/api/v1/messaging-groups/" + villageGroup).then().statusCode(400)
                .body("code", equalTo("messaging-group.created-after-push"));
        given().queryParam("withoutPushIn", "2024-W54").get("/api/v1/messaging-groups").then().statusCode(400);
        given().queryParam("withoutPushIn", "last week").get("/api/v1/messaging-groups").then().statusCode(400);
        given().queryParam("platform", "wechat").get("/api/v1/messaging-groups").then().statusCode(400);
        assertEquals(before, groupsIn("330122"));

        String pushes = "/api/v1/messaging-groups/" + villageGroup + "/pushes";
        int logged = given().get(pushes).then().extract().path("total");
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        push(villageGroup, "{\"pushedOn\": \"" + tomorrow + "\", \"title\": \"x\"}").statusCode(400)
                .body("code", equalTo("messaging-push.in-future"));
        push(villageGroup, "{\"pushedOn\": \"2024-01-19\", \"title\": \"x\"}").statusCode(400)
                .body("code", equalTo("messaging-push.before-group"));
        push(villageGroup, "{\"pushedOn\": \"2024-01-23\", \"title\": \"x\", \"link\": \"javascript:alert(1)\"}")
                .statusCode(400).body("violations[0].field", equalTo("link"));
        push(villageGroup, "{\"pushedOn\": \"2024-01-23\", \"title\": \"x\", \"campaignId\": \"" + UUID.randomUUID() + "\"}")
                .statusCode(400).body("code", equalTo("messaging-push.campaign-unknown"));
        String elsewhere = post("/api/v1/campaigns", """
                {"theme": "校园反诈", "regionCode": "330122100", "startDate": "2024-01-10", "endDate": "2024-03-31"}""")
                .statusCode(201).extract().path("id");
        push(schoolGroup, "{\"pushedOn\": \"2024-01-23\", \"title\": \"x\", \"campaignId\": \"" + elsewhere + "\"}")
                .statusCode(201);
        post("/api/v1/units", "{\"name\": \"旌德县工商银行\", \"type\": \"BANK\", \"regionCode\": \"330122\"}").statusCode(201);
        String countyGroup = post("/api/v1/messaging-groups", GROUP.replace("330122100201", "330122")).statusCode(201)
                .extract().path("id");
        push(countyGroup, "{\"pushedOn\": \"2024-01-23\", \"title\": \"x\", \"campaignId\": \"" + elsewhere + "\"}")
                .statusCode(400).body("code", equalTo("messaging-push.campaign-outside"));
        push(villageGroup, "{\"title\": \"x\"}").statusCode(400).body("violations[0].field", equalTo("pushedOn"));
        given().get(pushes).then().body("total", equalTo(logged));
        given().get("/api/v1/messaging-groups/" + UUID.randomUUID() + "/pushes").then().statusCode(404)
                .body("code", equalTo("messaging-group.not-found"));
        given().get(pushes + "/" + UUID.randomUUID()).then().statusCode(404).body("code", equalTo("messaging-push.not-found"));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "field-worker", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = VILLAGE))
    void aFieldWorkerLogsPushesOfTheVillageGroupsOnceAndTakesBackOnlyTheirOwn() {
        String id = UUID.randomUUID().toString();
        String json = "{\"id\": \"%s\", \"pushedOn\": \"2024-02-06\", \"title\": \"春节返乡防骗提醒\"}".formatted(id);
        push(villageGroup, json).statusCode(201).body("id", equalTo(id)).body("recordedBy", equalTo("field-worker"));
        // The phone resends after a lost answer: the same push, nothing logged twice.
        push(villageGroup, json).statusCode(200).body("id", equalTo(id));
        given().queryParam("in", "2024-W06").get("/api/v1/messaging-groups/" + villageGroup + "/pushes").then()
                .body("total", equalTo(1));
        push(villageGroup, json.replace("春节", "元宵")).statusCode(409).body("code", equalTo("messaging-push.conflict"));
        fieldWorkersPush = id;

        given().get("/api/v1/messaging-groups/" + villageGroup).then().statusCode(200)
                .body("ownerName", equalTo("李明")).body("ownerPhone", nullValue());
        given().get("/api/v1/messaging-groups").then().statusCode(200)
                .body("items.regionCode", everyItem(startsWith(VILLAGE)));
        post("/api/v1/messaging-groups", GROUP).statusCode(403).body("code", equalTo("auth.forbidden"));
        // The school's group lies in the township, outside the village.
        push(schoolGroup, "{\"pushedOn\": \"2024-02-06\", \"title\": \"x\"}").statusCode(403)
                .body("code", equalTo("scope.forbidden"));
        String someoneElses = given().queryParam("in", "2024-W05").get("/api/v1/messaging-groups/" + villageGroup + "/pushes")
                .then().extract().path("items[0].id");
        given().delete("/api/v1/messaging-groups/" + villageGroup + "/pushes/" + someoneElses).then().statusCode(403)
                .body("code", equalTo("messaging-push.not-yours"));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "field-worker", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = VILLAGE))
    void aFieldWorkerTakesBackTheirOwnPush() {
        given().delete("/api/v1/messaging-groups/" + villageGroup + "/pushes/" + fieldWorkersPush).then().statusCode(204);
        assertEquals("fanzha.messaging-push.deleted.v1", TopicReader.header(TopicReader
                .findBySubject(Topics.CAMPAIGN, EventTypes.MESSAGING_PUSH_DELETED, fieldWorkersPush).orElseThrow(), "ce_type"));
        given().delete("/api/v1/messaging-groups/" + villageGroup + "/pushes/" + fieldWorkersPush).then().statusCode(404);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "330122"))
    void aViewerReadsGroupsWithoutPhonesAndWritesNothing() {
        given().get("/api/v1/messaging-groups").then().statusCode(200).body("items.id", hasItem(villageGroup))
                .body("items.ownerPhone", everyItem(nullValue()));
        given().get("/api/v1/messaging-groups/" + villageGroup + "/pushes").then().statusCode(200);
        post("/api/v1/messaging-groups", GROUP).statusCode(403);
        push(villageGroup, "{\"pushedOn\": \"2024-02-06\", \"title\": \"x\"}").statusCode(403);
        given().delete("/api/v1/messaging-groups/" + villageGroup).then().statusCode(403);
    }

    @Test
    @Order(6)
    @TestSecurity(user = "inspector", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "region", value = "330122"))
    void anInspectorReadsThePhones() {
        given().get("/api/v1/messaging-groups/" + villageGroup).then().statusCode(200)
                .body("ownerPhone", equalTo("13912345678"));
        push(villageGroup, "{\"pushedOn\": \"2024-02-06\", \"title\": \"x\"}").statusCode(403);
    }

    @Test
    @Order(7)
    @TestSecurity(user = "other-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341824"))
    void anotherCountysAdminIsOutOfScope() {
        post("/api/v1/messaging-groups", GROUP).statusCode(403).body("code", equalTo("scope.forbidden"));
        given().get("/api/v1/messaging-groups/" + villageGroup).then().statusCode(403);
        given().get("/api/v1/messaging-groups/" + villageGroup + "/pushes").then().statusCode(403);
        push(villageGroup, "{\"pushedOn\": \"2024-02-06\", \"title\": \"x\"}").statusCode(403);
        given().queryParam("within", "330122").get("/api/v1/messaging-groups").then().statusCode(403);
        given().queryParam("withoutPushIn", "2024-W05").get("/api/v1/messaging-groups").then().statusCode(200)
                .body("items.regionCode", everyItem(startsWith("341824")));
        given().contentType(ContentType.JSON).body(GROUP).put("/api/v1/messaging-groups/" + villageGroup).then()
                .statusCode(403);
        given().delete("/api/v1/messaging-groups/" + villageGroup).then().statusCode(403);
    }
}
