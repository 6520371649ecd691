package io.fanzha.casestats.category;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

@QuarkusTest
class FraudCategoryResourceTest {

    @Test
    @TestSecurity(user = "agency", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void catalogueListsTheFocusCategoriesFirst() {
        given().queryParam("focus", true).get("/api/v1/fraud-categories").then().statusCode(200)
                .body("items.code", contains("ONLINE_LOAN", "INVESTMENT_GAMBLING", "ORDER_BRUSHING", "SHOPPING_REFUND"))
                .body("total", equalTo(4));
        given().get("/api/v1/fraud-categories").then().statusCode(200)
                .body("items.code", hasItem("FAKE_CUSTOMER_SERVICE"))
                .body("items[0].nameZh", equalTo("网上贷款"))
                .body("page", equalTo(0)).body("size", equalTo(50)).body("total", greaterThanOrEqualTo(11));
        given().queryParam("size", 2).queryParam("page", 1).get("/api/v1/fraud-categories").then().statusCode(200)
                .body("items.code", contains("ORDER_BRUSHING", "SHOPPING_REFUND"));
        given().get("/api/v1/fraud-categories/ORDER_BRUSHING").then().statusCode(200)
                .body("nameEn", equalTo("Order brushing (click farming)"));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void unknownCategoryAndBadFilterAreProblems() {
        given().get("/api/v1/fraud-categories/NOT_A_CATEGORY").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("category.not-found"));
        given().queryParam("focus", "maybe").get("/api/v1/fraud-categories").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("focus"));
        given().get("/api/v1/fraud-categories/online_loan").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("request.invalid"));
        // A NUL reached PostgreSQL once and came back as a 500.
        given().urlEncodingEnabled(false).get("/api/v1/fraud-categories/%00").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("request.invalid"));
    }

    @Test
    @TestSecurity(user = "stranger", roles = "not-a-fanzha-role")
    void aCallerWithoutAFanzhaRoleIsForbidden() {
        given().get("/api/v1/fraud-categories").then().statusCode(403).body("code", equalTo("auth.forbidden"));
    }

    @Test
    void anonymousCallerIsUnauthorizedAndHealthIsOpen() {
        given().get("/api/v1/fraud-categories").then().statusCode(401).body("code", equalTo("auth.unauthenticated"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200);
    }
}
