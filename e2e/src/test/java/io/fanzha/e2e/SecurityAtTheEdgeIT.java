package io.fanzha.e2e;

import static io.fanzha.e2e.Api.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fanzha.e2e.stack.Stack;
import io.fanzha.e2e.stack.Tokens;
import io.restassured.response.Response;

/** Roles and scope (docs/api.md) against the real Keycloak: the gateway and each service check every token. */
class SecurityAtTheEdgeIT {

    static String admin;

    @BeforeAll
    static void countyExists() {
        admin = Tokens.of("county-admin");
        Api.ensureRegion(admin, "341825", "旌德县");
    }

    @Test
    void keycloakIssuesTheClaimsTheServicesRelyOn() throws Exception {
        Map<String, Object> claims = Tokens.claims(admin);
        assertEquals(Stack.get().keycloak() + "/realms/fanzha", claims.get("iss"));
        assertEquals("341825", claims.get("region"));
        Object audience = claims.get("aud");
        assertTrue(audience.equals("fanzha-api") || ((List<?>) audience).contains("fanzha-api"), "aud " + audience);
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) ((Map<String, Object>) claims.get("realm_access")).get("roles");
        assertTrue(roles.contains("admin"));
        assertEquals("341825", Tokens.claims(Tokens.agency()).get("region"));
    }

    @Test
    void oversizedBodiesAreRefusedAtTheEdgeWithAProblem() throws Exception {
        byte[] json = new byte[2 * 1024 * 1024];
        Arrays.fill(json, (byte) ' ');
        Api.as(admin).body(json).post("/api/v1/regions").then().statusCode(413).contentType(PROBLEM)
                .body("code", equalTo("request.too-large"));
        Api.as(admin).body(new ByteArrayInputStream(json)).post("/api/v1/regions").then().statusCode(413)
                .contentType(PROBLEM).body("code", equalTo("request.too-large"));
        // A 120 MB video announced with Expect: 100-continue is refused before a byte of it is sent.
        URI gateway = URI.create(Stack.get().gateway());
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            String path = "/api/v1/outreach/" + UUID.randomUUID() + "/evidence/big.mp4";
            socket.getOutputStream().write(("PUT " + path + " HTTP/1.1\r\n"
                    + "Host: " + gateway.getAuthority() + "\r\nAuthorization: Bearer " + admin + "\r\n"
                    + "Content-Type: video/mp4\r\nContent-Length: " + 120 * 1024 * 1024 + "\r\n"
                    + "Expect: 100-continue\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            assertTrue(statusLine.startsWith("HTTP/1.1 413 "), statusLine);
        }
    }

    @Test
    void aCallerOverItsBudgetIsToldWhenToComeBack() {
        // Bulk imports: 2 a second, bursts of 10, per caller; another county's admin imports nothing elsewhere.
        String other = Tokens.of("other-admin");
        Response last = null;
        for (int i = 0; i < 30; i++) {
            last = Api.as(other).contentType("text/csv").body("code,name\n").post("/api/v1/regions/import");
            if (last.statusCode() == 429) {
                break;
            }
        }
        last.then().statusCode(429).contentType(PROBLEM).body("code", equalTo("rate.limited"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Policy", "\"bulk\";q=10;w=5");
        // Its reads are a budget of their own.
        Api.as(other).get("/api/v1/regions/341824").then().header("RateLimit-Policy", "\"reads\";q=300;w=3");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        // A read the service answers with an ETag keeps its own rule: cached by the caller alone, and revalidated.
        Api.as(admin).get("/api/v1/regions/341825").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "private, no-cache")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        Api.anonymous().get("/api/v1/regions/341825").then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
    }

    @Test
    void noTokenIsUnauthorizedAtTheGatewayAndAtEachService() {
        Api.anonymous().get("/api/v1/regions/341825").then().statusCode(401).contentType(PROBLEM)
                .body("code", equalTo("auth.unauthenticated"));
        given().get(Stack.get().service("campaign") + "/api/v1/regions/341825").then().statusCode(401)
                .contentType(PROBLEM);
        given().get(Stack.get().service("reporting") + "/api/v1/reports/regions/341825/summary").then()
                .statusCode(401);
    }

    @Test
    void forgedExpiredAndWrongAudienceTokensAreUnauthorized() throws Exception {
        String forged = Tokens.forged("341825", "admin");
        Api.as(forged).get("/api/v1/regions/341825").then().statusCode(401).contentType(PROBLEM);
        // The service checks the signature itself too, should anything get past the gateway.
        given().auth().oauth2(forged).get(Stack.get().service("campaign") + "/api/v1/regions/341825").then()
                .statusCode(401);
        Api.as(Tokens.wrongAudience("county-admin")).get("/api/v1/regions/341825").then().statusCode(401);
        Api.as(Tokens.expired("county-admin")).get("/api/v1/regions/341825").then().statusCode(401);
    }

    @Test
    void viewerMayReadButNotWrite() {
        String viewer = Tokens.of("viewer");
        Api.as(viewer).get("/api/v1/regions/341825").then().statusCode(200);
        Api.createRegion(viewer, "341825180", "观察镇").statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("auth.forbidden"));
        Api.as(admin).get("/api/v1/regions/341825180").then().statusCode(404);
    }

    @Test
    void anotherCountysAdminCannotReadThisCounty() {
        String other = Tokens.of("other-admin");
        Api.as(other).get("/api/v1/regions/341825").then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("scope.forbidden"));
        Api.as(other).get("/api/v1/reports/regions/341825/summary").then().statusCode(403);
    }

    @Test
    void badInputIsAProblemWithACodeAndNothingIsStored() {
        Api.as(admin).body("{\"code\":\"341825181\",\"name\":").post("/api/v1/regions").then()
                .statusCode(400).contentType(PROBLEM).body("code", equalTo("request.malformed"));
        for (String badCode : List.of("34182518x", "3418251810", "341825000")) {
            Api.createRegion(admin, badCode, "坏码镇").statusCode(400).contentType(PROBLEM)
                    .body("code", equalTo("request.invalid"))
                    .body("violations[0].field", equalTo("code"));
        }
        Api.as(admin).get("/api/v1/regions/34182518x").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("region.code-invalid"));
        Api.as(admin).get("/api/v1/regions/341825181").then().statusCode(404).body("code", equalTo("region.not-found"));
        Api.as(admin).queryParam("within", "341825").get("/api/v1/regions").then().statusCode(200)
                .body("items.name", org.hamcrest.Matchers.not(hasItem("坏码镇")));
    }

    @Test
    void everyRouteReachesItsService() {
        Api.as(Tokens.agency()).get("/api/v1/fraud-categories/ONLINE_LOAN").then().statusCode(200)
                .body("nameZh", equalTo("网上贷款"));
        Api.as(admin).get("/api/v1/outreach/" + java.util.UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM)
                .body("code", equalTo("outreach.not-found"));
        Api.as(admin).get("/api/v1/campaigns").then().statusCode(200);
        Api.as(admin).get("/api/v1/reports/regions/341825999/summary").then().statusCode(404)
                .body("code", equalTo("region.not-found"));
        Api.as(admin).get("/api/v1/nowhere").then().statusCode(404).contentType(PROBLEM);
    }
}
