package io.fanzha.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.fanzha.e2e.stack.Stack;
import io.fanzha.e2e.stack.Tokens;

/**
 * Kafka being down never fails a user's request and never loses an event: the outbox keeps the
 * events until the broker is back, and reporting applies each exactly once.
 */
class KafkaOutageIT {

    static final String TOWNSHIP = "341825160";
    static final int VILLAGES = 20;

    @Test
    void regionsCreatedWhileKafkaIsDownReachReportingExactlyOnce() throws Exception {
        Stack stack = Stack.get();
        String admin = Tokens.of("county-admin");
        Api.ensureRegion(admin, "341825", "旌德县");
        // Only once every earlier event has reached the broker (the county's own, when this test created
        // it): the backlog below must be this test's events alone.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> outboxBacklog(stack) == 0);

        stack.stopKafka();
        Api.createRegion(admin, TOWNSHIP, "断网镇").statusCode(201);
        for (int i = 1; i <= VILLAGES; i++) {
            Api.createRegion(admin, TOWNSHIP + String.format("%03d", 200 + i), "断网村" + i).statusCode(201);
        }
        Api.as(admin).get("/api/v1/regions/" + TOWNSHIP).then().statusCode(200);
        // The outbox holds the events, so a producer stays ready while the broker is away.
        given().get(stack.service("campaign") + "/q/health/ready").then().statusCode(200);
        assertEquals(VILLAGES + 1, outboxBacklog(stack), "events waiting in the outbox");
        double restart = stack.startKafka();
        long restarted = System.nanoTime();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                Api.as(admin).get("/api/v1/reports/regions/" + TOWNSHIP + "/summary").then().statusCode(200)
                        .body("regionCount", equalTo(VILLAGES + 1)));
        System.out.printf("Kafka restarted in %.1f s; the %d events held in the outbox reached reporting %.1f s later%n",
                restart, VILLAGES + 1, (System.nanoTime() - restarted) / 1e9);

        // Exactly once: one processed-event row and one read-model row per event, and nothing left unsent.
        try (Connection reporting = DriverManager.getConnection(stack.jdbcUrl("reporting"), "postgres", "");
                Connection campaign = DriverManager.getConnection(stack.jdbcUrl("campaign"), "postgres", "")) {
            // Unqualified names: the active read-model generation's tables (docs/reports.md, "Rebuilding").
            count(reporting, "SELECT count(*) FROM (SELECT set_config('search_path', schema_name || ', public', false)"
                    + " FROM read_model_generation WHERE state = 'ACTIVE') active");
            assertEquals(VILLAGES + 1, count(reporting, "SELECT count(*) FROM region WHERE code LIKE '" + TOWNSHIP + "%'"));
            assertEquals(0, count(campaign, "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL"));
            assertEquals(count(campaign, "SELECT count(*) FROM outbox_event"),
                    count(reporting, "SELECT count(*) FROM processed_event WHERE consumer = 'fanzha.campaign.v1'"),
                    "every event of campaign-service applied once by reporting");
        }
    }

    /** campaign-service's fanzha_outbox_backlog gauge: its outbox rows the broker has not acknowledged. */
    private static double outboxBacklog(Stack stack) {
        String metrics = given().get(stack.service("campaign") + "/q/metrics").then().statusCode(200)
                .extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("fanzha_outbox_backlog ") || line.startsWith("fanzha_outbox_backlog{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("fanzha_outbox_backlog not in the metrics"));
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
