package io.fanzha.platform.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.fanzha.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * platform-testing's ApiContractFilter sits in every REST Assured call of every module's tests, so each test also
 * checks the service against its OpenAPI document. Here it must catch an operation that breaks its document.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@OidcSecurity(claims = @Claim(key = "region", value = "341825"))
class ApiContractFilterTest {

    @Test
    void anAnswerUnlikeTheDocumentFailsTheTest() {
        AssertionError error = assertThrows(AssertionError.class, () -> given().get("/probe/contract/answer"));
        assertTrue(error.getMessage().contains("not the one the OpenAPI document describes"), error.getMessage());
    }

    @Test
    void aRequestTheDocumentRefusesMustBeRefusedByTheServer() {
        given().queryParam("code", "341825").get("/probe/contract/lenient").then().statusCode(200);
        AssertionError error = assertThrows(AssertionError.class,
                () -> given().queryParam("code", "34182x").get("/probe/contract/lenient"));
        assertTrue(error.getMessage().contains("the OpenAPI document refuses this request, the server did not"),
                error.getMessage());
    }
}
