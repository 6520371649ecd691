package io.fanzha.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.fanzha.e2e.stack.Stack;
import io.fanzha.e2e.stack.Tokens;

/**
 * A service down, as callers meet it at the gateway (docs/gateway.md, "Failures"): its routes answer a problem at once
 * (a 502, then, once the breaker has opened, a 503 with Retry-After) while the other services answer as ever; once
 * it is back, the breaker lets trial calls through and closes, and its routes answer again.
 */
class UpstreamOutageIT {

    @Test
    void aServiceDownIsAProblemAtOnceTheBreakerOpensAndClosesAndTheOthersCarryOn() {
        Stack stack = Stack.get();
        String viewer = Tokens.of("viewer");
        Api.ensureRegion(Tokens.of("county-admin"), "341825", "旌德县");
        Api.as(viewer).get("/api/v1/fraud-categories").then().statusCode(200);

        stack.stopService("casestats");
        try {
            // Refused connections: a 502 problem naming the service, at once (a GET is tried twice, both refused).
            long started = System.nanoTime();
            Api.as(viewer).get("/api/v1/fraud-categories").then().statusCode(502)
                    .contentType(startsWith("application/problem+json"))
                    .body("code", equalTo("upstream.unavailable"));
            System.out.printf("case-stats-service down: 502 after %.0f ms%n", (System.nanoTime() - started) / 1e6);
            // Enough failures open the breaker: the gateway answers without trying, and says when to come back.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    Api.as(viewer).get("/api/v1/fraud-categories").then().statusCode(503)
                            .contentType(startsWith("application/problem+json"))
                            .body("code", equalTo("upstream.circuit-open"))
                            .header("Retry-After", matchesPattern("[1-9][0-9]*")));
            // The other services are not touched by it.
            Api.as(viewer).get("/api/v1/regions/341825").then().statusCode(200);
        } finally {
            stack.startService("casestats");
        }
        // After the breaker's open time, trial calls reach the service again and close it.
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                Api.as(viewer).get("/api/v1/fraud-categories").then().statusCode(200));
        System.out.printf("case-stats-service back: answered through the gateway %.1f s after it was healthy%n",
                (System.nanoTime() - back) / 1e9);
    }
}
