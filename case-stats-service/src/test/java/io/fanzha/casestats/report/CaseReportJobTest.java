package io.fanzha.casestats.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.fanzha.casestats.region.Regions;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.testing.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;

/**
 * A push over the job threshold (16 KiB in tests) is stored and answered 202; its job shows progress, then the
 * answer the push would have had. A job whose worker stopped is taken up again from its stored body. In a county of
 * its own (341828).
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseReportJobTest {

    static final String PROBLEM = "application/problem+json";
    static final List<String> VILLAGES = List.of("341828100201", "341828100202", "341828100203", "341828100204",
            "341828100205");
    static final List<String> CATEGORIES = List.of("ONLINE_LOAN", "INVESTMENT_GAMBLING", "ORDER_BRUSHING",
            "SHOPPING_REFUND", "FAKE_CUSTOMER_SERVICE", "OTHER");
    static String job;

    @Inject
    Regions regions;

    @Inject
    EntityManager em;

    @TestHTTPResource("/api/v1/case-reports")
    URI pushes;

    /** Five villages, 20 weeks of 2023, six categories: 600 rows, about 30 KB. */
    static String year(int cases) {
        StringBuilder csv = new StringBuilder("regionCode,period,category,cases,loss\n");
        for (String village : VILLAGES) {
            for (int week = 10; week < 30; week++) {
                for (String category : CATEGORIES) {
                    csv.append(village).append(",2023-W").append(week).append(',').append(category).append(',')
                            .append(cases).append(",1200.50\n");
                }
            }
        }
        return csv.toString();
    }

    /** Pushes a file over the threshold: 202 with the stored job, and its Location. */
    static String pushJob(String csv, String query) {
        var answer = given().contentType("text/csv").body(csv).post("/api/v1/case-reports" + query).then().statusCode(202)
                .body("status", equalTo("QUEUED")).body("size", equalTo(csv.getBytes(StandardCharsets.UTF_8).length))
                .extract();
        String id = answer.path("id");
        assertEquals(true, answer.header("Location").endsWith("/api/v1/case-reports/jobs/" + id), answer.header("Location"));
        return id;
    }

    static ValidatableResponse finished(String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> List.of("DONE", "FAILED")
                .contains(given().get("/api/v1/case-reports/jobs/" + id).then().statusCode(200).extract().path("status")));
        return given().get("/api/v1/case-reports/jobs/" + id).then().statusCode(200);
    }

    static int stored() {
        return given().queryParam("within", "341828").get("/api/v1/case-reports").then().statusCode(200)
                .extract().path("total");
    }

    @Test
    @Order(1)
    @TestSecurity(user = "police-341828", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341828"))
    void aLargePushIsAJobThatEndsWithTheAnswer() throws Exception {
        for (String code : List.of("341828", "341828100", VILLAGES.get(0), VILLAGES.get(1), VILLAGES.get(2),
                VILLAGES.get(3), VILLAGES.get(4))) {
            TopicWriter.send(Topics.CAMPAIGN, EventTypes.REGION_CREATED, "341828", code, """
                    {"code": "%s", "name": "区域", "parentCode": null, "level": "VILLAGE", "path": "", "version": 0}"""
                    .formatted(code));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> regions.known(VILLAGES).size() == VILLAGES.size()));
        String id = pushJob(year(2), "");
        given().get("/api/v1/case-reports/jobs/" + id).then().statusCode(200)
                .body("parameters.importStrategy", equalTo("CREATE_AND_UPDATE")).body("submittedBy", equalTo("police-341828"));
        finished(id).body("status", equalTo("DONE")).body("rowsRead", equalTo(600)).body("attempts", equalTo(1))
                .body("answer.status", equalTo("SUCCESS")).body("answer.imported", equalTo(600));
        assertEquals(600, stored());
        given().get("/api/v1/case-reports/jobs").then().statusCode(200).body("items.id", hasItem(id));
        job = id;
    }

    @Test
    @Order(2)
    @TestSecurity(user = "police-341828", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341828"))
    void aResentOrCorrectedFileAnswersAsAPushWould() {
        finished(pushJob(year(2), "")).body("answer.ignored", equalTo(600)).body("answer.imported", equalTo(0));
        String corrected = year(3);
        finished(pushJob(corrected, "?dryRun=true")).body("answer.updated", equalTo(600));
        given().queryParam("region", VILLAGES.get(0)).queryParam("period", "2023-W10").queryParam("category", "OTHER")
                .get("/api/v1/case-reports").then().body("items[0].cases", equalTo(2));
        String bad = corrected.replace(VILLAGES.get(4) + ",2023-W29,OTHER,3", VILLAGES.get(4) + ",2023-W29,OTHER,-1");
        finished(pushJob(bad, "?atomic=true")).body("answer.status", equalTo("ERROR"))
                .body("answer.conflicts[0].index", equalTo(599)).body("answer.conflicts[0].line", equalTo(601));
        given().queryParam("region", VILLAGES.get(0)).queryParam("period", "2023-W10").queryParam("category", "OTHER")
                .get("/api/v1/case-reports").then().body("items[0].cases", equalTo(2));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "police-341828", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341828"))
    void aFileThatCannotBeReadFailsTheJobWithItsProblem() {
        String csv = year(4).replaceFirst("regionCode,period", "region,period");
        finished(pushJob(csv, "")).body("status", equalTo("FAILED")).body("problem.code", equalTo("import.header-invalid"))
                .body("problem.status", equalTo(400)).body("answer", equalTo(null));
        assertEquals(600, stored());
        given().queryParam("region", VILLAGES.get(0)).queryParam("period", "2023-W10").queryParam("category", "OTHER")
                .get("/api/v1/case-reports").then().body("items[0].cases", equalTo(2));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "police-341828", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341828"))
    void aChunkedBodyIsMeasuredAsItArrives() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        byte[] large = year(5).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(pushes).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode(), answer.body());
        String id = answer.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        finished(id).body("status", equalTo("DONE")).body("size", equalTo(large.length)).body("answer.updated", equalTo(600));
        byte[] small = ("regionCode,period,category,cases\n" + VILLAGES.get(0) + ",2023-W10,OTHER,6\n")
                .getBytes(StandardCharsets.UTF_8);
        answer = client.send(HttpRequest.newBuilder(pushes).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
    }

    @Test
    @Order(5)
    @TestSecurity(user = "police-341828", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341828"))
    void aJobWhoseWorkerStoppedIsTakenUpAgain() {
        // As a worker that stopped mid-run leaves it: RUNNING, no heartbeat for longer than the lease, its body stored.
        UUID stalled = stalledJob(1, "regionCode,period,category,cases\n" + VILLAGES.get(1) + ",2023-W40,OTHER,9\n");
        finished(stalled.toString()).body("status", equalTo("DONE")).body("attempts", equalTo(2))
                .body("answer.imported", equalTo(1));
        UUID stopping = stalledJob(3, "regionCode,period,category,cases\n" + VILLAGES.get(1) + ",2023-W41,OTHER,9\n");
        finished(stopping.toString()).body("status", equalTo("FAILED")).body("problem.code", equalTo("import.job-interrupted"));
        given().queryParam("region", VILLAGES.get(1)).queryParam("period", "2023-W41").get("/api/v1/case-reports").then()
                .body("total", equalTo(0));
        Number chunks = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "select count(*) from import_job_chunk where job_id in (:ids)")
                .setParameter("ids", List.of(stalled, stopping)).getSingleResult());
        assertEquals(0, chunks.intValue(), "a finished job's body is dropped");
    }

    @Test
    @Order(6)
    @TestSecurity(user = "police-341828", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341828"))
    void whileASendersJobRunsTheirSmallPushWaitsBehindIt() {
        UUID running = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into import_job (id, kind, status, media_type, parameters, size, submitted_by, scope_prefix,
                    submitted_at, started_at, heartbeat_at, claim, attempts)
                values (:id, 'case-reports', 'RUNNING', 'text/csv', '{}', 0, 'police-341828', '341828', now(), now(),
                    now(), gen_random_uuid(), 1)""").setParameter("id", running).executeUpdate());
        String small = "regionCode,period,category,cases\n" + VILLAGES.get(3) + ",2023-W42,OTHER,1\n";
        String queued = pushJob(small, "");
        finished(queued).body("status", equalTo("DONE")).body("answer.imported", equalTo(1));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update import_job set status = 'FAILED', finished_at = now() where id = :id")
                .setParameter("id", running).executeUpdate());
        given().contentType("text/csv").body(small).post("/api/v1/case-reports").then().statusCode(200)
                .body("ignored", equalTo(1));
    }

    UUID stalledJob(int attempts, String csv) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into import_job (id, kind, status, media_type, parameters, size, submitted_by, scope_prefix,
                        submitted_at, started_at, heartbeat_at, claim, attempts)
                    values (:id, 'case-reports', 'RUNNING', 'text/csv', '{}', :size, 'police-341828', '341828', now(),
                        now() - interval '1 hour', now() - interval '1 hour', gen_random_uuid(), :attempts)""")
                    .setParameter("id", id).setParameter("size", csv.length()).setParameter("attempts", attempts)
                    .executeUpdate();
            em.createNativeQuery("insert into import_job_chunk (job_id, seq, data) values (:id, 0, :data)")
                    .setParameter("id", id).setParameter("data", csv.getBytes(StandardCharsets.UTF_8)).executeUpdate();
        });
        return id;
    }

    @Test
    @Order(6)
    @TestSecurity(user = "police-341828", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341828"))
    void aBodyOverTheLimitIsRefusedAndNothingIsStored() {
        long jobs = given().get("/api/v1/case-reports/jobs").then().extract().<Integer>path("total");
        given().contentType("text/csv").body(year(1).repeat(80)).post("/api/v1/case-reports").then()
                .statusCode(413).contentType(PROBLEM).body("code", equalTo("request.too-large"));
        given().get("/api/v1/case-reports/jobs").then().body("total", equalTo((int) jobs));
    }

    @Test
    @Order(7)
    @TestSecurity(user = "police-other", roles = "agency-reporter")
    @OidcSecurity(claims = @Claim(key = "region", value = "341828"))
    void anotherSubmittersJobIsNotShown() {
        given().get("/api/v1/case-reports/jobs/" + job).then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("scope.forbidden"));
        given().get("/api/v1/case-reports/jobs").then().statusCode(200).body("items.id", not(hasItem(job)));
        given().get("/api/v1/case-reports/jobs/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM)
                .body("code", equalTo("import-job.not-found"));
        given().get("/api/v1/case-reports/jobs?size=0").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    @Order(8)
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341828"))
    void theCountyAdminSeesTheJobsSentInItsCounty() {
        given().get("/api/v1/case-reports/jobs/" + job).then().statusCode(200).body("answer.imported", equalTo(600));
        // The audit names the job as the import the first figures came from.
        given().queryParam("region", VILLAGES.get(2)).queryParam("period", "2023-W11").queryParam("category", "OTHER")
                .get("/api/v1/case-reports/audit").then().statusCode(200).body("items[-1].importId", equalTo(job));
        given().get("/api/v1/case-reports/jobs").then().statusCode(200).body("items.id", hasItem(job));
    }

    @Test
    @Order(9)
    @TestSecurity(user = "other-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341827"))
    void anotherCountysAdminDoesNot() {
        given().get("/api/v1/case-reports/jobs/" + job).then().statusCode(403).body("code", equalTo("scope.forbidden"));
        given().get("/api/v1/case-reports/jobs").then().statusCode(200).body("items.id", not(hasItem(job)));
    }

    @Test
    @Order(10)
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "341828"))
    void viewersSeeNoJobs() {
        given().get("/api/v1/case-reports/jobs/" + job).then().statusCode(403);
        given().get("/api/v1/case-reports/jobs").then().statusCode(403);
        given().contentType("text/csv").body(year(1)).post("/api/v1/case-reports").then().statusCode(403);
    }
}
