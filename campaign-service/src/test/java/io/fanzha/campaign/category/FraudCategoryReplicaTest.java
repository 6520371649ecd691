package io.fanzha.campaign.category;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.fanzha.campaign.support.Fixtures;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.testing.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Campaigns and goals name the categories of case-stats-service's catalogue, as its events tell them. */
@QuarkusTest
class FraudCategoryReplicaTest {

    static final String CODE = "REPLICA_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Inject
    EntityManager em;

    static ValidatableResponse campaign(String categories) {
        return given().contentType(ContentType.JSON).body("""
                {"theme": "新类别宣传", "regionCode": "341825", "startDate": "2024-01-10", "endDate": "2024-03-31",
                 "focusCategories": %s}""".formatted(categories)).post("/api/v1/campaigns").then();
    }

    static String category(boolean active, long version) {
        return """
                {"code": "%s", "nameZh": "测试类别", "nameEn": "Test category", "focus": false, "active": %s,
                 "sortOrder": 12, "version": %d}""".formatted(CODE, active, version);
    }

    @Test
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aCategoryIsUsableOnceAnnouncedAndNoMoreOnceDeactivated() throws Exception {
        Fixtures.ensureRegion("341825", "旌德县");
        campaign("[\"ONLINE_LOAN\", \"" + CODE + "\"]").statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("category.unknown")).body("violations[0].field", equalTo("focusCategories[1]"));

        TopicWriter.send(Topics.CASE_STATS, EventTypes.FRAUD_CATEGORY_CREATED, "CN", CODE, category(true, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> replica().equals(List.of(true, 0L)));
        String campaign = campaign("[\"" + CODE + "\"]").statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("""
                {"metric": "CASES", "categories": ["%s"], "regionCode": "341825", "period": "2024-Q1",
                 "targetChangePercent": -10}""".formatted(CODE)).post("/api/v1/campaigns/" + campaign + "/goals").then()
                .statusCode(201);

        TopicWriter.send(Topics.CASE_STATS, EventTypes.FRAUD_CATEGORY_UPDATED, "CN", CODE, category(false, 1));
        // A late redelivery of the older state does not bring the category back.
        UUID stale = TopicWriter.send(Topics.CASE_STATS, EventTypes.FRAUD_CATEGORY_CREATED, "CN", CODE, category(true, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(stale));
        assertEquals(List.of(false, 1L), replica());

        campaign("[\"" + CODE + "\"]").statusCode(400).body("code", equalTo("category.inactive"))
                .body("violations[0].field", equalTo("focusCategories[0]"));
        given().contentType(ContentType.JSON).body("""
                {"metric": "LOSS", "categories": ["ONLINE_LOAN", "%s"], "regionCode": "341825", "period": "2024-Q1",
                 "targetChangePercent": -10}""".formatted(CODE)).post("/api/v1/campaigns/" + campaign + "/goals").then()
                .statusCode(400).body("code", equalTo("category.inactive")).body("violations[0].field", equalTo("categories[1]"));
        // A campaign that named it before keeps it while its other fields change.
        given().contentType(ContentType.JSON).body("""
                {"theme": "新类别宣传（修订）", "regionCode": "341825", "startDate": "2024-01-10", "endDate": "2024-03-31",
                 "focusCategories": ["%s"]}""".formatted(CODE)).put("/api/v1/campaigns/" + campaign).then().statusCode(200);
    }

    private List<Object> replica() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select active, version from fraud_category where code = ?1")
                    .setParameter(1, CODE).getResultList();
            if (rows.isEmpty()) {
                return List.<Object>of();
            }
            Object[] row = (Object[]) rows.get(0);
            return List.of(row[0], row[1]);
        });
    }

    private boolean processed(UUID event) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, FraudCategories.NAME).setParameter(2, event).getSingleResult()).longValue() == 1);
    }
}
