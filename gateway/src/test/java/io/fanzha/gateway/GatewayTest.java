package io.fanzha.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(GatewayTestResources.class)
class GatewayTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static FakeServices services;

    @BeforeAll
    static void startServices() {
        services = FakeServices.start(ConfigProvider.getConfig());
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/regions, campaign",
            "POST, /api/v1/regions/import, campaign",
            "PUT, /api/v1/units/5f0c, campaign",
            "PATCH, /api/v1/campaigns/7/goals/3, campaign",
            "DELETE, /api/v1/messaging-groups/9, campaign",
            "POST, /api/v1/outreach/sync, outreach",
            "GET, /api/v1/ledger, outreach",
            "POST, /api/v1/case-reports, casestats",
            "GET, /api/v1/fraud-categories, casestats",
            "GET, /api/v1/cases/42, casestats",
            "GET, /api/v1/reports/bulletins/341825100, reporting"})
    void eachPrefixReachesItsServiceWithTheRequestIntact(String method, String path, String service) {
        String token = Tokens.valid();
        String query = "dryRun=true&period=2024-W05&name=%E5%8F%8D%E8%AF%88";
        boolean withBody = !method.equals("GET") && !method.equals("DELETE");
        String body = "{\"regionCode\":\"341825100\",\"period\":\"2024-W05\",\"note\":\"反诈\"}";

        var request = given().urlEncodingEnabled(false).auth().oauth2(token);
        if (withBody) {
            request.contentType("application/json; charset=UTF-8").body(body);
        }
        request.when().request(method, path + "?" + query)
                .then().statusCode(200)
                .body("service", equalTo(service))
                .body("method", equalTo(method))
                .body("uri", equalTo(path + "?" + query))
                .body("authorization", equalTo("Bearer " + token))
                .body("host", equalTo("127.0.0.1:" + services.port(service)))
                .body("forwardedHost", equalTo("localhost:" + RestAssured.port))
                .body("forwardedProto", equalTo("http"))
                .body("forwardedFor", equalTo("127.0.0.1"))
                .body("body", equalTo(withBody ? body : ""));
    }

    @Test
    void theCallersRequestIdIsForwardedAndReturnedOnce() {
        Response response = given().auth().oauth2(Tokens.valid()).header("X-Request-Id", "county-dashboard-7f3a")
                .when().get("/api/v1/regions/341825");
        response.then().statusCode(200).body("requestId", equalTo("county-dashboard-7f3a"));
        assertEquals(List.of("county-dashboard-7f3a"), response.headers().getValues("X-Request-Id"));
    }

    @Test
    void aRequestIdIsGeneratedWhenMissingOrUnfitForALogLine() {
        Response generated = given().auth().oauth2(Tokens.valid()).when().get("/api/v1/units");
        String id = generated.header("X-Request-Id");
        generated.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN)).body("requestId", equalTo(id));

        given().auth().oauth2(Tokens.valid()).header("X-Request-Id", "bad id\twith spaces")
                .when().get("/api/v1/units")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void aCallersOwnForwardingHeadersAreReplacedUnlessItIsATrustedProxy() {
        String host = "localhost:" + RestAssured.port;
        given().auth().oauth2(Tokens.valid()).header("X-Forwarded-For", "203.0.113.9")
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                .header("Forwarded", "for=198.51.100.7;host=evil.example")
                .when().get("/api/v1/ledger")
                .then().statusCode(200).body("forwardedFor", equalTo("127.0.0.1"))
                .body("forwardedHost", equalTo(host)).body("forwardedProto", equalTo("http"))
                .body("forwarded", equalTo("for=127.0.0.1;proto=http;host=\"" + host + "\""));
    }

    @Test
    void headersNamedInConnectionStayOnTheirHop() {
        given().auth().oauth2(Tokens.valid()).header("Connection", "keep-alive, X-Hop").header("X-Hop", "secret")
                .when().get("/api/v1/regions")
                .then().statusCode(200).body("service", equalTo("campaign")).body("hop", nullValue())
                .header("X-Internal", nullValue());
    }

    @Test
    void aLocationShowsTheGatewaysAddressNotTheServices() {
        String location = given().auth().oauth2(Tokens.valid()).header("X-Fake-Status", "201")
                .header("X-Fake-Location", "/api/v1/regions/341825100").contentType("application/json").body("{}")
                .when().post("/api/v1/regions")
                .then().statusCode(201).extract().header("Location");
        assertEquals("http://localhost:" + RestAssured.port + "/api/v1/regions/341825100", location);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (Response response : List.of(given().auth().oauth2(Tokens.valid()).when().get("/api/v1/units"),
                given().when().get("/api/v1/units"),
                given().auth().oauth2(Tokens.valid()).when().get("/api/v1/nowhere"))) {
            response.then().header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                    .header("Cache-Control", "no-store").header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
        given().when().get("/q/health/live").then().statusCode(200).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }

    @Test
    void theTraceContextIsPassedOnOrStarted() {
        String started = given().auth().oauth2(Tokens.valid()).when().get("/api/v1/units").then().statusCode(200)
                .extract().path("traceparent");
        assertTrue(started.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), started);

        String caller = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Response passedOn = given().auth().oauth2(Tokens.valid()).header("traceparent", caller)
                .header("tracestate", "congo=t61rcWkgMzE").when().get("/api/v1/units");
        String traceparent = passedOn.then().statusCode(200).body("tracestate", equalTo("congo=t61rcWkgMzE"))
                .extract().path("traceparent");
        assertTrue(traceparent.startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-"), traceparent);
        assertTrue(traceparent.endsWith("-01") && !traceparent.equals(caller), traceparent);

        // One that does not parse is dropped with its state, and a new trace begins.
        Response replaced = given().auth().oauth2(Tokens.valid())
                .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
                .header("tracestate", "congo=t61rcWkgMzE").when().get("/api/v1/units");
        replaced.then().statusCode(200).body("tracestate", nullValue())
                .body("traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"))
                .body("traceparent", not(startsWith("00-00000000000000000000000000000000")));
    }

    @Test
    void aServicesOwnErrorPassesThroughUnchanged() {
        given().auth().oauth2(Tokens.valid()).header("X-Fake-Status", "409").contentType("application/json").body("{}")
                .when().post("/api/v1/outreach")
                .then().statusCode(409).contentType("application/json").body("service", equalTo("outreach"));
    }

    @Test
    void aLargeUploadStreamsThroughWhole() {
        byte[] photo = new byte[12 * 1024 * 1024];
        new Random(42).nextBytes(photo);
        given().auth().oauth2(Tokens.valid()).contentType("image/jpeg").body(photo)
                .when().put("/api/v1/outreach/7b0c2f7e-4c61-4f5e-9a4e-2f0d7d6b8a11/evidence/door.jpg")
                .then().statusCode(200)
                .body("contentType", startsWith("image/jpeg"))
                .body("bodyLength", equalTo(photo.length))
                .body("bodySha256", equalTo(FakeServices.sha256(photo)));

        // A body of unknown length (chunked), as a device streaming a video sends it.
        given().auth().oauth2(Tokens.valid()).contentType("video/mp4").body(new ByteArrayInputStream(photo))
                .when().put("/api/v1/outreach/7b0c2f7e-4c61-4f5e-9a4e-2f0d7d6b8a11/evidence/lecture.mp4")
                .then().statusCode(200)
                .body("bodyLength", equalTo(photo.length))
                .body("bodySha256", equalTo(FakeServices.sha256(photo)));
    }

    @Test
    void anUploadWaitingForContinueIsLetThroughOnlyWithAValidToken() throws IOException {
        byte[] poster = new byte[256 * 1024];

        RawAnswer rejected = uploadWaitingForContinue(Tokens.expired(), poster);
        assertEquals("HTTP/1.1 401 Unauthorized", rejected.statusLine(), "answered before any body byte was sent");
        assertEquals("auth.unauthenticated", JsonPath.from(rejected.body()).getString("code"));

        RawAnswer accepted = uploadWaitingForContinue(Tokens.valid(), poster);
        assertEquals("HTTP/1.1 200 OK", accepted.statusLine());
        JsonPath echo = JsonPath.from(accepted.body());
        assertEquals(poster.length, echo.getInt("bodyLength"));
        assertNull(echo.get("expect"), "the service gets a plain request");
    }

    @Test
    void aBodyOverItsRoutesLimitIsRefusedDeclaredOrChunked() throws IOException {
        byte[] json = new byte[1024 * 1024 + 1];
        Arrays.fill(json, (byte) ' ');
        given().auth().oauth2(Tokens.valid()).contentType("application/json").body(json)
                .when().post("/api/v1/regions")
                .then().statusCode(413).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("request.too-large")).body("detail", containsString("1048576"));
        // Of unknown length: counted as it streams, cut off at the limit.
        given().auth().oauth2(Tokens.valid()).contentType("application/json").body(new ByteArrayInputStream(json))
                .when().post("/api/v1/regions")
                .then().statusCode(413).body("code", equalTo("request.too-large"));
        // Waiting for 100 Continue: refused at once, no body byte sent.
        RawAnswer refused = uploadWaitingForContinue(Tokens.valid(), "POST /api/v1/units", json);
        assertTrue(refused.statusLine().startsWith("HTTP/1.1 413 "), refused.statusLine());
        assertEquals("request.too-large", JsonPath.from(refused.body()).getString("code"));
        // A device's sync and a bulk import take more.
        given().auth().oauth2(Tokens.valid()).contentType("application/json").body(json)
                .when().post("/api/v1/outreach/sync")
                .then().statusCode(200).body("bodyLength", equalTo(json.length));
        given().auth().oauth2(Tokens.valid()).contentType("text/csv").body(new ByteArrayInputStream(json))
                .when().post("/api/v1/regions/import")
                .then().statusCode(200).body("bodyLength", equalTo(json.length));
    }

    @Test
    void eachCallerHasItsOwnBudgetAndA429SaysWhenToComeBack() {
        String greedy = Tokens.of("greedy-" + System.nanoTime());
        Response last = null;
        int admitted = 0;
        for (int i = 0; i < 300; i++) {
            last = given().auth().oauth2(greedy).contentType("application/json").body("{}").when().post("/api/v1/units");
            if (last.statusCode() != 200) {
                break;
            }
            admitted++;
        }
        assertTrue(admitted >= 60, "a burst of 60 writes first, then 20 a second: " + admitted);
        last.then().statusCode(429).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("rate.limited"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Policy", "\"writes\";q=60;w=3")
                .header("RateLimit", startsWith("\"writes\";r=0;t="));
        // Another caller's budget is its own, and so is each class of route.
        given().auth().oauth2(Tokens.valid()).contentType("application/json").body("{}").when().post("/api/v1/units")
                .then().statusCode(200);
        given().auth().oauth2(greedy).when().get("/api/v1/units").then().statusCode(200)
                .header("RateLimit-Policy", "\"reads\";q=300;w=3")
                .header("RateLimit", matchesPattern("\"reads\";r=2[0-9][0-9];t=[0-9]+"));
    }

    @Test
    void tokensNotYetVerifiedSpendTheAddresssBudget() {
        String known = Tokens.of("known-" + System.nanoTime());
        given().auth().oauth2(known).when().get("/api/v1/units").then().statusCode(200);
        // Each unknown token costs a signature check, paid from the address's budget: after its burst, a 429.
        Response last = null;
        for (int i = 0; i < 300 && (last == null || last.statusCode() == 401); i++) {
            last = given().auth().oauth2("made-up-" + i).contentType("application/json").body("{}")
                    .when().post("/api/v1/units");
        }
        last.then().statusCode(429).body("code", equalTo("rate.limited"))
                .header("RateLimit-Policy", "\"writes\";q=60;w=3");
        // A token verified before spends its caller's own budget, not the address's. (Whether a new token right after
        // is refused depends on how fast the address's budget refills meanwhile: not asserted.)
        given().auth().oauth2(known).contentType("application/json").body("{}").when().post("/api/v1/units")
                .then().statusCode(200);
        // The address's writes budget fills again within its window (3 s), for the other tests' sake too.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2("made-up").contentType("application/json").body("{}").when()
                        .post("/api/v1/units").then().statusCode(401));
    }

    @Test
    void noTokenIsUnauthorized() {
        expectUnauthorized(given().when().get("/api/v1/regions"))
                .header("WWW-Authenticate", equalTo("Bearer realm=\"fanzha\""));
        expectUnauthorized(given().header("Authorization", "Basic d29ya2VyOnNlY3JldA==").when().get("/api/v1/regions"));
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthorized() {
        expectRejectedToken(Tokens.forAudience("account"));
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        expectRejectedToken(Tokens.expired());
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        // Verified once and remembered: the second request is let through without a second check...
        String token = Tokens.expiringIn(2);
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).when().get("/api/v1/regions").then().statusCode(200);
        }
        // ...until the token's own expiry, after which it is refused like any expired one.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(
                () -> expectRejectedToken(token));
    }

    @Test
    void theBearerSchemeIsReadInAnyCase() {
        given().header("Authorization", "bearer " + Tokens.valid()).when().get("/api/v1/regions")
                .then().statusCode(200);
        expectUnauthorized(given().header("Authorization", "Bearer ").when().get("/api/v1/regions"))
                .header("WWW-Authenticate", equalTo("Bearer realm=\"fanzha\""));
    }

    @Test
    void aForgedTokenIsUnauthorized() {
        expectRejectedToken(Tokens.forged());
    }

    @Test
    void aTokenFromAnotherIssuerIsUnauthorized() {
        expectRejectedToken(Tokens.fromIssuer("https://elsewhere.test/realms/fanzha"));
    }

    @Test
    void garbageInPlaceOfATokenIsUnauthorized() {
        expectRejectedToken("not-a-jwt");
    }

    @Test
    void anUnknownApiPathIsNotFoundOnceAuthenticated() {
        given().auth().oauth2(Tokens.valid()).when().get("/api/v1/regionsx/1")
                .then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .body("code", equalTo("route.unknown"))
                .body("type", equalTo("urn:fanzha:problem:route.unknown"))
                .body("requestId", matchesPattern(UUID_PATTERN));
        expectUnauthorized(given().when().get("/api/v1/regionsx/1"));
    }

    @Test
    void aServiceThatIsDownIsABadGatewayWhileTheOthersAndReadinessCarryOn() {
        services.stop("reporting");
        try {
            given().auth().oauth2(Tokens.valid()).when().get("/api/v1/reports/coverage")
                    .then().statusCode(502).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(502))
                    .body("code", equalTo("upstream.unavailable"))
                    .body("detail", containsString("reporting-service"));
            given().auth().oauth2(Tokens.valid()).when().get("/api/v1/regions")
                    .then().statusCode(200).body("service", equalTo("campaign"));
            given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            // The services' readiness, each beside its address, is a group of its own.
            JsonPath upstreams = given().when().get("/q/health/group/upstreams").then().statusCode(503)
                    .body("status", equalTo("DOWN")).extract().jsonPath();
            String data = upstreams.getString("checks[0].data");
            assertTrue(data.contains("reporting-service:DOWN http://") && data.contains("campaign-service:UP http://"),
                    data);
        } finally {
            services.start("reporting");
        }
        given().when().get("/q/health/group/upstreams").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aBreakerStopsSendingToAServiceThatCannotBeReachedAndTriesAgainLater() {
        services.stop("outreach");
        try {
            // Calls that cannot reach it: once half of the last ten (at least) failed, it opens.
            Response answer = null;
            int failed = 0;
            for (int i = 0; i < 11; i++) {
                answer = given().auth().oauth2(Tokens.valid()).when().get("/api/v1/ledger");
                if (answer.statusCode() != 502) {
                    break;
                }
                failed++;
            }
            assertTrue(failed >= 5 && failed <= 10, "failed calls before it opened: " + failed);
            answer.then().statusCode(503).contentType(startsWith("application/problem+json"))
                    .body("code", equalTo("upstream.circuit-open"))
                    .body("detail", containsString("outreach-service"))
                    .header("Retry-After", "1");
            // The other services are not concerned.
            given().auth().oauth2(Tokens.valid()).when().get("/api/v1/regions").then().statusCode(200);
        } finally {
            services.start("outreach");
        }
        // Half open once its second is over: trial calls get through and succeed; closed again.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> given()
                .auth().oauth2(Tokens.valid()).when().get("/api/v1/ledger").statusCode() == 200);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(Tokens.valid()).when().get("/api/v1/ledger").then().statusCode(200)
                    .body("service", equalTo("outreach"));
        }
    }

    @Test
    void aServiceThatStaysSilentIsAGatewayTimeout() {
        given().auth().oauth2(Tokens.valid()).contentType("application/json").body("{\"period\":\"2024\"}")
                .when().post("/api/v1/reports/assessment/never-answers")
                .then().statusCode(504).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("upstream.timeout"))
                .body("detail", containsString("reporting-service"));
    }

    @Test
    void browserFrontendsOfAllowedOriginsMayCallTheApi() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/regions")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Headers", containsString("authorization"));
        given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/regions")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue())
                .contentType(startsWith("application/problem+json")).body("code", equalTo("cors.origin-forbidden"));
        given().auth().oauth2(Tokens.valid()).header("Origin", "https://elsewhere.example").when().get("/api/v1/regions")
                .then().statusCode(403).body("code", equalTo("cors.origin-forbidden"))
                .body("detail", containsString("https://elsewhere.example"));
        // A page of the gateway's own origin is no cross-origin call.
        given().auth().oauth2(Tokens.valid()).header("Origin", "http://localhost:" + RestAssured.port)
                .when().get("/api/v1/regions").then().statusCode(200);
    }

    @Test
    void healthAndMetricsAreOpenAndIgnoreStrayTokens() {
        given().header("Authorization", "Bearer not-a-jwt").when().get("/q/health/ready")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        given().auth().oauth2(Tokens.valid()).when().get("/api/v1/fraud-categories").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                        + "upstream=\"case-stats-service\",uri=\"/api\"}"));
    }

    private static void expectRejectedToken(String token) {
        expectUnauthorized(given().auth().oauth2(token).contentType("application/json").body("{\"cases\":3}")
                .when().post("/api/v1/case-reports"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("service", nullValue());
    }

    private static ValidatableResponse expectUnauthorized(Response response) {
        return response.then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("type", equalTo("urn:fanzha:problem:auth.unauthenticated"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("code", equalTo("auth.unauthenticated"))
                .body("detail", notNullValue());
    }

    private record RawAnswer(String statusLine, String body) {
    }

    @Test
    void aReadThatNeverReachedItsServiceIsTriedOnceMoreAWriteIsNot() {
        // The first attempt finds its connection closed before any answer; the read's second attempt is answered.
        given().auth().oauth2(Tokens.valid()).header("X-Fake-Close-Once", UUID.randomUUID().toString())
                .when().get("/api/v1/regions/341825")
                .then().statusCode(200).body("method", equalTo("GET"));
        // A write streams its body once: it is not sent again, the caller hears the service was not reachable.
        given().auth().oauth2(Tokens.valid()).header("X-Fake-Close-Once", UUID.randomUUID().toString())
                .contentType("application/json").body("{\"code\": \"341825\"}")
                .when().post("/api/v1/regions")
                .then().statusCode(502).body("code", equalTo("upstream.unavailable"));
    }

    @Test
    void anHttp10CallerGetsAStreamedAnswerWholeAndTheConnectionEnds() throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            // It asks to keep the connection, but an answer of unknown length can only end with it.
            socket.getOutputStream().write(("GET /api/v1/reports/export/streamed HTTP/1.0\r\n"
                    + "Authorization: Bearer " + Tokens.valid() + "\r\n"
                    + "Connection: keep-alive\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            // readAllBytes returns only once the gateway closes the connection.
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.0 200"), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("\r\nconnection: close\r\n"), answer);
            assertFalse(answer.toLowerCase(Locale.ROOT).contains("transfer-encoding"), answer);
            assertFalse(answer.toLowerCase(Locale.ROOT).contains("content-length"), answer);
            assertTrue(answer.endsWith("\r\n\r\nregion,households\n341825,49200\n"), answer);
        }
    }

    /** Speaks HTTP/1.1 by hand: sends the body only if the gateway answers 100 Continue first. */
    private static RawAnswer uploadWaitingForContinue(String token, byte[] body) throws IOException {
        return uploadWaitingForContinue(token,
                "PUT /api/v1/outreach/7b0c2f7e-4c61-4f5e-9a4e-2f0d7d6b8a11/evidence/poster.jpg", body);
    }

    private static RawAnswer uploadWaitingForContinue(String token, String request, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out.write((request + " HTTP/1.1\r\n"
                    + "Host: localhost:" + RestAssured.port + "\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "Content-Type: image/jpeg\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Expect: 100-continue\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String statusLine = in.readLine();
            if (statusLine.startsWith("HTTP/1.1 100")) {
                in.readLine();
                out.write(body);
                out.flush();
                statusLine = in.readLine();
            }
            int length = 0;
            for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            char[] content = new char[length];
            for (int read = 0; read < length; ) {
                int chunk = in.read(content, read, length - read);
                if (chunk < 0) {
                    throw new EOFException("Answer ended after " + read + " of " + length + " characters");
                }
                read += chunk;
            }
            return new RawAnswer(statusLine, new String(content));
        }
    }
}
