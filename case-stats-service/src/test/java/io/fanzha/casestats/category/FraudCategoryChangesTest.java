package io.fanzha.casestats.category;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * National admins add and deactivate categories; codes never change and nothing is deleted; every change, and each
 * seeded category once, is an event in the outbox, keyed CN.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FraudCategoryChangesTest {

    static final String PROBLEM = "application/problem+json";
    static final String CODE = "FAKE_REBATE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
    static final String NEW = """
            {"code": "%s", "nameZh": "虚假返利APP", "nameEn": "Fake rebate apps"}""".formatted(CODE);

    @Inject
    EntityManager em;

    static ValidatableResponse post(String json) {
        return given().contentType(ContentType.JSON).body(json).post("/api/v1/fraud-categories").then();
    }

    static ValidatableResponse put(String code, String json) {
        return given().contentType(ContentType.JSON).body(json).put("/api/v1/fraud-categories/" + code).then();
    }

    /** The events of a category in the outbox, oldest first: type, key and the version in the payload. */
    @SuppressWarnings("unchecked")
    List<Object[]> events(String code) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select event_type, event_key, "
                + "cast(payload ->> 'version' as bigint), cast(payload ->> 'active' as boolean) from outbox_event "
                + "where subject = ?1 order by seq").setParameter(1, code).getResultList());
    }

    @Test
    @Order(1)
    @TestSecurity(user = "national-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "CN"))
    void aNationalAdminAddsAndDeactivatesACategoryAndEachChangeIsAnEvent() {
        post(NEW).statusCode(201).header("Location", endsWith("/api/v1/fraud-categories/" + CODE))
                .body("code", equalTo(CODE)).body("focus", equalTo(false)).body("active", equalTo(true))
                .body("version", equalTo(0));
        // Added before OTHER, which stays last.
        List<String> codes = given().queryParam("size", 500).get("/api/v1/fraud-categories").then().extract()
                .path("items.code");
        assertEquals("OTHER", codes.get(codes.size() - 1));
        assertEquals(CODE, codes.get(codes.size() - 2));

        put(CODE, NEW.replace("}", ", \"active\": false, \"version\": 0}")).statusCode(200)
                .body("active", equalTo(false)).body("version", equalTo(1));
        put(CODE, NEW.replace("}", ", \"active\": false, \"version\": 0}")).statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("category.stale"));
        // The same state again changes nothing.
        put(CODE, NEW.replace("}", ", \"active\": false}")).statusCode(200).body("version", equalTo(1));
        given().queryParam("active", false).get("/api/v1/fraud-categories").then().body("items.code", hasItem(CODE));
        given().queryParam("active", true).get("/api/v1/fraud-categories").then().body("items.code", not(hasItem(CODE)));

        List<Object[]> events = events(CODE);
        assertEquals(2, events.size(), "created, then deactivated; the unchanged update is no event");
        assertEquals("fanzha.fraud-category.created.v1", events.get(0)[0]);
        assertEquals("CN", events.get(0)[1]);
        assertEquals(0L, ((Number) events.get(0)[2]).longValue());
        assertEquals("fanzha.fraud-category.updated.v1", events.get(1)[0]);
        assertEquals(1L, ((Number) events.get(1)[2]).longValue());
        assertEquals(false, events.get(1)[3]);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "national-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "CN"))
    void codesAreNeverReusedNorChangedAndNothingIsDeleted() {
        post(NEW).statusCode(409).contentType(PROBLEM).body("code", equalTo("category.exists"));
        post(NEW.replace(CODE, "ONLINE_LOAN")).statusCode(409).body("code", equalTo("category.exists"));
        put(CODE, NEW.replace(CODE, "RENAMED_CODE")).statusCode(400).body("code", equalTo("category.code-immutable"));
        put("NO_SUCH_CATEGORY", NEW.replace(CODE, "NO_SUCH_CATEGORY")).statusCode(404)
                .body("code", equalTo("category.not-found"));
        given().delete("/api/v1/fraud-categories/" + CODE).then().statusCode(405).contentType(PROBLEM)
                .body("code", equalTo("method.not-allowed"));
        given().get("/api/v1/fraud-categories/" + CODE).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "national-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "CN"))
    void badCategoriesAreProblemsAndNothingIsStored() {
        int before = given().get("/api/v1/fraud-categories").then().extract().path("total");
        post(NEW.replace(CODE, "lower_case")).statusCode(400).body("violations[0].field", equalTo("code"));
        post("{\"nameZh\": \"无代码\", \"nameEn\": \"No code\"}").statusCode(400).body("violations[0].field", equalTo("code"));
        post(NEW.replace("虚假返利APP", " ")).statusCode(400).body("violations[0].field", equalTo("nameZh"));
        post("{\"code\": \"NO_NAMES\"}").statusCode(400).body("code", equalTo("request.invalid"));
        post(NEW.replace("}", ", \"focus\": \"yes\"}")).statusCode(400).body("code", equalTo("request.malformed"));
        given().queryParam("active", "maybe").get("/api/v1/fraud-categories").then().statusCode(400);
        given().get("/api/v1/fraud-categories").then().body("total", equalTo(before));
    }

    @Test
    @TestSecurity(user = "national-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "CN"))
    void theSeededCategoriesAreAnnouncedOnce() {
        List<Object[]> events = events("ONLINE_LOAN");
        assertEquals(1, events.size());
        assertEquals("fanzha.fraud-category.created.v1", events.get(0)[0]);
        assertEquals("CN", events.get(0)[1]);
        assertEquals(0L, ((Number) events.get(0)[2]).longValue());
        given().get("/api/v1/fraud-categories/ONLINE_LOAN").then().body("version", equalTo(0));
    }

    @Test
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aCountyAdminMayNotChangeTheNationalCatalogue() {
        post(NEW.replace(CODE, "COUNTY_CATEGORY")).statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("scope.forbidden"));
        put("ONLINE_LOAN", NEW.replace(CODE, "ONLINE_LOAN")).statusCode(403).body("code", equalTo("scope.forbidden"));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "CN"))
    void onlyAdminsChangeTheCatalogue() {
        post(NEW.replace(CODE, "VIEWER_CATEGORY")).statusCode(403).body("code", equalTo("auth.forbidden"));
        put("ONLINE_LOAN", NEW.replace(CODE, "ONLINE_LOAN")).statusCode(403).body("code", equalTo("auth.forbidden"));
    }
}
