package io.fanzha.platform.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.fanzha.platform.problem.Problem;

@QuarkusTest
class ProblemMappersTest {

    static final String PROBLEM = "application/problem+json";

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void everyKindOfBadInputIsAProblemWithAStableCode() {
        post("{\"name\":\"ok\",\"regionCode\":\"341825100\",\"day\":\"2024-01-15\",\"period\":\"2024-W05\"}")
                .statusCode(200).body("period", equalTo("2024-W05"));
        post("{\"name\":\"\",\"regionCode\":\"341825000\",\"count\":11}").statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("request.invalid"))
                .body("type", equalTo("urn:fanzha:problem:request.invalid"))
                .body("violations.field", contains("count", "name", "regionCode"));
        post("{\"name\":").statusCode(400).contentType(PROBLEM).body("code", equalTo("request.malformed"));
        post("{\"name\":\"x\",\"day\":\"2024-02-30\"}").statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("request.malformed")).body("violations[0].field", equalTo("day"));
        post("{\"name\":\"x\",\"count\":\"many\"}").statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("request.malformed")).body("violations[0].field", equalTo("count"));
        post("{\"name\":\"x\",\"period\":\"2023-W53\"}").statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("period.invalid")).body("violations[0].field", equalTo("period"))
                .body("detail", containsString("52 weeks"));
        given().queryParam("p", "2024-q1").get("/probe/period").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("period.invalid"));
        given().queryParam("p", "2024-Q1").get("/probe/period").then().statusCode(200).body(equalTo("2023-Q1"));
        given().contentType(ContentType.TEXT).body("x").post("/probe").then().statusCode(415).contentType(PROBLEM)
                .body("code", equalTo("media-type.unsupported"));
        given().delete("/probe").then().statusCode(405).body("code", equalTo("method.not-allowed"));
        given().get("/nothing-here").then().statusCode(404).contentType(PROBLEM)
                .body("code", equalTo("resource.not-found"));
        given().get("/probe/conflict").then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("probe.conflict")).body("detail", equalTo("It clashes."));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void anUnexpectedFailureIsABare500QuotingTheRequestId() {
        given().header("X-Request-Id", "probe-crash-1").get("/probe/crash").then().statusCode(500)
                .contentType(PROBLEM)
                .header("X-Request-Id", "probe-crash-1")
                .body("code", equalTo("internal.error"))
                .body("requestId", equalTo("probe-crash-1"))
                .body(not(containsString("secret internals")))
                .body(not(containsString("IllegalStateException")));
        given().header("X-Request-Id", "bad id with spaces").get("/probe/conflict").then()
                .header("X-Request-Id", not(equalTo("bad id with spaces")))
                .body("requestId", notNullValue());
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void regionScopeCoversTheSubtreeOnly() {
        given().get("/probe/read/341825100201").then().statusCode(200).body(equalTo("341825100201"));
        given().get("/probe/read/341825").then().statusCode(200);
        given().get("/probe/read/341824").then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("scope.forbidden"));
        given().get("/probe/read/34182x").then().statusCode(400).body("code", equalTo("region.code-invalid"));
        given().contentType(ContentType.JSON).post("/probe/write/341825100").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825100"))
    void aViewerReadsItsTownshipButWritesNothing() {
        given().get("/probe/read/341825100201").then().statusCode(200);
        given().get("/probe/read/341825").then().statusCode(403).body("code", equalTo("scope.forbidden"));
        given().contentType(ContentType.JSON).post("/probe/write/341825100201").then().statusCode(403).body("code", equalTo("auth.forbidden"));
        given().get("/probe/conflict").then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("auth.forbidden"));
    }

    @Test
    @TestSecurity(user = "keycloak-defaults", roles = { "default-roles-fanzha", "offline_access", "uma_authorization" })
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void keycloaksDefaultRolesAloneNeitherReadNorWrite() {
        given().get("/probe/read/341825100").then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("auth.forbidden"));
        given().contentType(ContentType.JSON).post("/probe/write/341825100").then().statusCode(403)
                .body("code", equalTo("auth.forbidden"));
    }

    @Test
    @TestSecurity(user = "stranger", roles = "superuser")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void aRoleNobodyDefinedNeitherReadsNorWrites() {
        given().get("/probe/read/341825100").then().statusCode(403).body("code", equalTo("auth.forbidden"));
        given().contentType(ContentType.JSON).post("/probe/write/341825100").then().statusCode(403)
                .body("code", equalTo("auth.forbidden"));
    }

    @Test
    @TestSecurity(user = "inspector", roles = { "inspector", "default-roles-fanzha" })
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void anInspectorReadsButIsNotAWriterOfRecords() {
        given().get("/probe/read/341825100").then().statusCode(200);
        given().contentType(ContentType.JSON).post("/probe/write/341825100").then().statusCode(403)
                .body("code", equalTo("auth.forbidden"));
    }

    @Test
    @TestSecurity(user = "field-worker", roles = { "field-worker", "offline_access" })
    @OidcSecurity(claims = @Claim(key = "region", value = "341825100201"))
    void aFieldWorkerWritesInItsVillage() {
        given().contentType(ContentType.JSON).post("/probe/write/341825100201").then().statusCode(200);
        given().contentType(ContentType.JSON).post("/probe/write/341825100202").then().statusCode(403)
                .body("code", equalTo("scope.forbidden"));
    }

    @Test
    @TestSecurity(user = "nobody", roles = "admin")
    void aTokenWithoutRegionHasNoScope() {
        given().get("/probe/read/341825").then().statusCode(403).body("code", equalTo("scope.missing"));
    }

    @Test
    void anonymousIsUnauthorized() {
        given().get("/probe/conflict").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer").body("code", equalTo("auth.unauthenticated"));
    }

    @Test
    void theOpenApiDocumentDescribesErrorsAsProblems() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Problem.properties.code.type", equalTo("string"))
                .body("paths.'/probe/conflict'.get.responses.'401'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                // Answers every operation can give are documented even where the resource names none.
                .body("paths.'/probe'.post.responses.'415'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/probe'.post.responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/probe/conflict'.get.responses.'500'.description", containsString("internal.error"))
                .body("paths.'/probe/conflict'.get.responses.'406'", org.hamcrest.Matchers.notNullValue())
                .body("components.securitySchemes.keycloak.type", equalTo("openIdConnect"))
                .body("info.license.url", containsString("apache.org"));
    }

    private static io.restassured.response.ValidatableResponse post(String json) {
        return given().contentType(ContentType.JSON).body(json).post("/probe").then();
    }
}
