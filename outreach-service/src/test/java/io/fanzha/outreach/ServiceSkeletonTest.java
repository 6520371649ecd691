package io.fanzha.outreach;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** outreach-service boots with its database, health, OpenAPI, metrics and problem errors. */
@QuarkusTest
class ServiceSkeletonTest {

    @Test
    void bootsWithHealthOpenApiAndMetrics() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/openapi").then().statusCode(200).body(containsString("outreach-service"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("fanzha_outbox_backlog"));
    }

    @Test
    void unknownAddressesAreProblems() {
        given().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("resource.not-found"));
    }
}
