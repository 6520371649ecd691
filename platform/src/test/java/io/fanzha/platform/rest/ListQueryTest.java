package io.fanzha.platform.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** The parameters every list shares, and conditional reads of every JSON answer. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
@OidcSecurity(claims = @Claim(key = "region", value = "341825"))
class ListQueryTest {

    @Test
    void searchTextAndInstantsAreRead() {
        given().queryParam("q", "  旌阳 ").get("/probe/page").then().statusCode(200).body("search", equalTo("旌阳"));
        given().queryParam("updatedSince", "2024-01-05T09:00:00+08:00").get("/probe/page").then().statusCode(200)
                .body("since", equalTo("2024-01-05T01:00:00Z"));
        // A '+' that was not percent-encoded arrives as a space; it still means the offset.
        given().urlEncodingEnabled(false).get("/probe/page?updatedSince=2024-01-05T09:00:00+08:00").then()
                .statusCode(200).body("since", equalTo("2024-01-05T01:00:00Z"));
        given().queryParam("updatedSince", "2024-01-05T09:00Z").get("/probe/page").then().statusCode(200);
    }

    @Test
    void badSearchTextAndInstantsAreProblems() {
        for (String bad : new String[] { "2024-01-05", "2024-01-05T09:00:00", "yesterday", "2024-13-05T09:00:00Z",
                "2024-02-30T09:00:00Z", "2024-01-05T25:00:00Z" }) {
            given().queryParam("updatedSince", bad).get("/probe/page").then().statusCode(400)
                    .contentType(StrictInputTest.PROBLEM).body("code", equalTo("request.invalid"))
                    .body("violations[0].field", equalTo("updatedSince"));
        }
        given().queryParam("q", "x".repeat(101)).get("/probe/page").then().statusCode(400)
                .body("violations[0].field", equalTo("q"));
        given().queryParam("q", "a\u202Eb").get("/probe/page").then().statusCode(400);
    }

    @Test
    void aJsonAnswerCarriesItsTagAndIsNotSentAgainWhileUnchanged() {
        String tag = given().queryParam("q", "x").get("/probe/page").then().statusCode(200)
                .header("ETag", matchesPattern("^\"[A-Za-z0-9_-]{24}\"$"))
                .header("Cache-Control", equalTo("private, no-cache")).extract().header("ETag");
        given().queryParam("q", "x").header("If-None-Match", tag).get("/probe/page").then().statusCode(304)
                .header("ETag", equalTo(tag)).body(emptyString());
        given().queryParam("q", "x").header("If-None-Match", "\"other\", W/" + tag).get("/probe/page").then()
                .statusCode(304);
        given().queryParam("q", "x").header("If-None-Match", "*").get("/probe/page").then().statusCode(304);
        // Another answer, another tag: the old one gets the whole answer.
        String other = given().queryParam("q", "y").header("If-None-Match", tag).get("/probe/page").then()
                .statusCode(200).body("search", equalTo("y")).extract().header("ETag");
        assertNotEquals(tag, other);
        assertEquals(tag, given().queryParam("q", "x").get("/probe/page").then().extract().header("ETag"));
    }

    @Test
    void errorsAndPlainTextCarryNoTag() {
        given().queryParam("page", -1).get("/probe/page").then().statusCode(400).header("ETag", nullValue());
        given().get("/probe/period?p=2024-W05").then().statusCode(200).header("ETag", nullValue())
                .body(not(emptyString()));
    }
}
