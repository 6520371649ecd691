package io.fanzha.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.fanzha.e2e.stack.Stack;
import io.fanzha.e2e.stack.Tokens;

/** A region created through the gateway travels campaign → outbox → Kafka → reporting. */
class RegionEventFlowIT {

    @Test
    void aNewRegionShowsInTheReportingSummary() {
        String admin = Tokens.of("county-admin");
        Api.ensureRegion(admin, "341825", "旌德县");
        Api.createRegion(admin, "341825170", "流转镇").statusCode(201);
        long created = System.nanoTime();
        Api.createRegion(admin, "341825170201", "流转村").statusCode(201)
                // The service's own address stays behind the gateway.
                .header("Location", Stack.get().gateway() + "/api/v1/regions/341825170201");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                Api.as(admin).get("/api/v1/reports/regions/341825170/summary").then().statusCode(200)
                        .body("regionCount", equalTo(2)));
        System.out.printf("region visible in the reporting summary %.0f ms after its creation was acknowledged%n",
                (System.nanoTime() - created) / 1e6);

        Api.as(Tokens.of("viewer")).get("/api/v1/reports/regions/341825170/summary").then().statusCode(200)
                .body("name", equalTo("流转镇"))
                .body("regionsByLevel.villages", equalTo(1));
    }

    /** The national scope comes from Keycloak as the claim CN; the prefecture joins the counties already stored. */
    @Test
    void aNationalAdminLoadsTheTreeAboveTheCounty() {
        String national = Tokens.of("national-admin");
        Api.ensureRegion(national, "341825", "旌德县");
        Api.ensureRegion(national, "34", "安徽省");
        Api.ensureRegion(national, "3418", "宣城市");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                Api.as(national).get("/api/v1/reports/regions/34/summary").then().statusCode(200)
                        .body("level", equalTo("PROVINCE"))
                        .body("regionsByLevel.prefectures", equalTo(1))
                        .body("regionsByLevel.counties", greaterThanOrEqualTo(1)));
        Api.as(Tokens.of("county-admin")).get("/api/v1/reports/regions/3418/summary").then().statusCode(403)
                .body("code", equalTo("scope.forbidden"));
    }
}
