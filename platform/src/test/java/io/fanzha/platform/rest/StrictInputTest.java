package io.fanzha.platform.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** What a hostile or sloppy client sends is a 400 (or 415) problem naming the field, never a 500 or a guess. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
@OidcSecurity(claims = @Claim(key = "region", value = "341825"))
class StrictInputTest {

    static final String PROBLEM = "application/problem+json";

    @Test
    void oneJsonDocumentAndNothingAfterIt() {
        post("{\"name\":\"x\"} trailing").statusCode(400).contentType(PROBLEM).body("code", equalTo("request.malformed"));
        post("{\"name\":\"x\"}{\"name\":\"y\"}").statusCode(400).body("code", equalTo("request.malformed"));
        post("{\"name\":\"x\",\"name\":\"y\"}").statusCode(400).body("code", equalTo("request.malformed"));
        post("{\"name\":\"x\",\"colour\":\"red\"}").statusCode(400).body("violations[0].field", equalTo("colour"))
                .body("detail", containsString("not a field"));
        post("{\"name\":\"x\"}").statusCode(200);
    }

    @Test
    void numbersAreNumbersAndTextIsText() {
        post("{\"name\":\"x\",\"count\":\"7\"}").statusCode(400).body("violations[0].field", equalTo("count"));
        post("{\"name\":\"x\",\"count\":1.5}").statusCode(400).body("violations[0].field", equalTo("count"));
        post("{\"name\":12345}").statusCode(400).body("violations[0].field", equalTo("name"));
        post("{\"name\":true}").statusCode(400).body("violations[0].field", equalTo("name"));
        post("{\"name\":\"x\",\"count\":7}").statusCode(200).body("count", equalTo(7));
    }

    @Test
    void textHasNoControlBidiOrInvisibleOnlyCharacters() {
        for (String hostile : new String[] { "a\\u0000b", "a\\u0007b", "\\u202Eevil", "a\\u2066b", "a\\ud800b",
                "a\\u0085b" }) {
            post("{\"name\":\"" + hostile + "\"}").statusCode(400).contentType(PROBLEM)
                    .body("code", equalTo("request.malformed"))
                    .body("violations[0].field", equalTo("name"))
                    .body("detail", containsString("not allowed"));
        }
        post("{\"name\":\"\\u200B\\u200B\"}").statusCode(400).body("code", equalTo("request.invalid"))
                .body("violations[0].field", equalTo("name"));
        post("{\"name\":\"two\\nlines\"}").statusCode(400).body("violations[0].field", equalTo("name"));
        // Line breaks and tabs are text where text may span lines.
        post("{\"name\":\"x\",\"note\":\"line one\\nline\\ttwo\"}").statusCode(200);
        post("{\"name\":\"旌德县 篁嘉村\"}").statusCode(200).body("name", equalTo("旌德县 篁嘉村"));
    }

    @Test
    void theBodyIsWellFormedUtf8() {
        byte[] overlongSlash = { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', 'a', (byte) 0xC0, (byte) 0xAF, 'b', '"', '}' };
        given().contentType(ContentType.JSON).body(overlongSlash).post("/probe").then().statusCode(400)
                .contentType(PROBLEM).body("code", equalTo("request.malformed"));
        byte[] truncated = { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xE6, (byte) 0x97 };
        given().contentType(ContentType.JSON).body(truncated).post("/probe").then().statusCode(400)
                .body("code", equalTo("request.malformed"));
        given().contentType(ContentType.JSON).body("{\"name\":\"旌德\"}".getBytes(StandardCharsets.UTF_8)).post("/probe")
                .then().statusCode(200).body("name", equalTo("旌德"));
    }

    @Test
    void datesAreCalendarDatesOfOurMillennia() {
        for (String date : new String[] { "+999999999-12-31", "-0001-01-01", "1899-12-31", "3000-01-01", "2024-1-5",
                "20240105", "2024-02-30" }) {
            post("{\"name\":\"x\",\"day\":\"" + date + "\"}").statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("day"));
        }
        post("{\"name\":\"x\",\"day\":\"2024-02-29\"}").statusCode(200).body("day", equalTo("2024-02-29"));
    }

    @Test
    void aBodyWithoutContentTypeIsRefused() {
        given().body("{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8)).post("/probe").then().statusCode(415)
                .contentType(PROBLEM).body("code", equalTo("media-type.unsupported"));
    }

    @Test
    void parametersOfTheWrongTypeAreBadRequestsAndPagingCannotOverflow() {
        given().queryParam("size", "abc").get("/probe/page").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("request.invalid"));
        given().queryParam("page", "1e3").get("/probe/page").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("page", "99999999999").get("/probe/page").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("sort", "name").get("/probe/page").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("request.invalid")).body("violations[0].field", equalTo("sort"))
                .body("detail", containsString("page, q, size, updatedSince"));
        given().queryParam("limit", 10).queryParam("page", 1).get("/probe/page").then().statusCode(400);
        given().urlEncodingEnabled(false).get("/probe/period?p=2024%00").then().statusCode(400)
                .contentType(PROBLEM).body("code", equalTo("request.invalid"));
        given().queryParam("page", 2147483647).queryParam("size", 500).get("/probe/page").then().statusCode(200)
                .body("first", equalTo(1073741823500L));
    }

    @Test
    void pathsWithNulAndOtherOddCharactersAreProblems() {
        for (String path : new String[] { "/probe/read/%00", "/probe/read/34%0A1825", "/probe/read/%E2%80%AE341825",
                "/probe/%00", "/nothing/%00", "/probe/read/%C0%AF", "/probe/read/" + "9".repeat(3000) }) {
            ValidatableResponse answer = given().urlEncodingEnabled(false).get(path).then();
            int status = answer.extract().statusCode();
            assertTrue(status >= 400 && status < 500, path + " answered " + status);
            answer.contentType(PROBLEM);
        }
        // Longer than the HTTP layer reads (4 KB): Vert.x answers before the application, without a body.
        given().get("/probe/read/" + "9".repeat(5000)).then().statusCode(414);
    }

    @Test
    void wrongAddressesDoNotBecomeMetricSeries() {
        for (int i = 0; i < 30; i++) {
            given().get("/nothing-here/probe-404-" + i).then().statusCode(404);
            given().contentType(ContentType.JSON).body("{}").put("/probe/read/probe-405-" + i).then().statusCode(405);
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(!metrics.contains("probe-404-") && !metrics.contains("probe-405-"),
                "raw paths of unknown addresses appear as metric labels");
    }

    static ValidatableResponse post(String json) {
        return given().contentType(ContentType.JSON).body(json.getBytes(StandardCharsets.UTF_8)).post("/probe").then();
    }
}
