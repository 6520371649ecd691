package io.fanzha.reporting.summary;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.fanzha.reporting.readmodel.LiveConsumers;
import io.fanzha.reporting.support.ReadModels;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * Publishes campaign-service events to the real test broker, the way campaign-service's outbox
 * relay does, and reads what the projection made of them. The topic is this run's own
 * (fanzha.events.topic-suffix), so no earlier run's records take part.
 */
@QuarkusTest
class SummaryResourceTest {

    static final String COUNTY = "991001";
    static final String TOWNSHIP = "991001100";
    static final String VILLAGE = "991001100201";
    static final String PROBLEM = "application/problem+json";

    static KafkaProducer<String, String> producer;
    static String topic;

    @BeforeAll
    static void connect() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
        topic = Topics.CAMPAIGN + ConfigProvider.getConfig().getOptionalValue("fanzha.events.topic-suffix", String.class)
                .orElse("");
    }

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void readModelsAreBuilt() {
        ReadModels.awaitActive();
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void eventsBuildTheSummaryOnceEachWhateverTheirOrder() throws Exception {
        double duplicatesBefore = duplicates();
        UUID countyCreated = UUID.randomUUID();
        String county = region(COUNTY, "测试县", COUNTY.substring(0, 4), "COUNTY", 50000, 0);
        publish(EventTypes.REGION_CREATED, countyCreated, COUNTY, county);
        publish(EventTypes.REGION_CREATED, countyCreated, COUNTY, county);
        // A township announced before regions reached above the county (v1: levels counted from the county).
        publish(EventTypes.REGION_CREATED_V1, UUID.randomUUID(), TOWNSHIP, """
                {"code":"%s","name":"测试镇","parentCode":"%s","level":2,"path":"%2$s/%1$s","residentHouseholds":9000,
                 "population":27000,"version":0}""".formatted(TOWNSHIP, COUNTY));
        // The update (version 1) overtakes the creation (version 0) of the village: the newer state must win.
        publish(EventTypes.REGION_UPDATED, UUID.randomUUID(), VILLAGE, region(VILLAGE, "测试村(新)", TOWNSHIP, "VILLAGE", 430, 1));
        publish(EventTypes.REGION_CREATED, UUID.randomUUID(), VILLAGE, region(VILLAGE, "测试村", TOWNSHIP, "VILLAGE", 420, 0));
        UUID campaign = UUID.randomUUID();
        publish(EventTypes.CAMPAIGN_CREATED, UUID.randomUUID(), campaign.toString(), """
                {"id":"%s","theme":"防范电信网络诈骗集中宣传活动","regionCode":"%s","startDate":"2024-01-10",
                 "endDate":"2099-03-31","focusCategories":["ONLINE_LOAN"],"targetGroups":["ELDERLY"],"version":0}"""
                .formatted(campaign, TOWNSHIP));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/reports/regions/" + COUNTY + "/summary").then().statusCode(200)
                .body("regionCount", equalTo(3))
                .body("campaigns.total", equalTo(1)));
        given().get("/api/v1/reports/regions/" + COUNTY + "/summary").then()
                .body("name", equalTo("测试县"))
                .body("level", equalTo("COUNTY"))
                .body("residentHouseholds", equalTo(50000))
                .body("regionsByLevel.counties", equalTo(1))
                .body("regionsByLevel.townships", equalTo(1))
                .body("regionsByLevel.villages", equalTo(1))
                .body("regionsByLevel.prefectures", equalTo(0))
                .body("campaigns.activeToday", equalTo(1))
                .body("lastChangeAt", notNullValue())
                .body("lastEventAppliedAt", notNullValue());
        given().get("/api/v1/reports/regions/" + VILLAGE + "/summary").then().statusCode(200)
                .body("name", equalTo("测试村(新)"))
                .body("level", equalTo("VILLAGE"))
                .body("residentHouseholds", equalTo(430))
                .body("regionCount", equalTo(1));
        given().get("/api/v1/reports/regions/" + TOWNSHIP + "/summary").then().statusCode(200)
                .body("level", equalTo("TOWNSHIP"))
                .body("regionsByLevel.townships", equalTo(1));
        // The county's creation came twice; the read model cannot tell, the consumer must have skipped it.
        assertEquals(duplicatesBefore + 1, duplicates());

        // Deleted (its last state, next version), then created again at version 0: gone, then back.
        publish(EventTypes.REGION_DELETED, UUID.randomUUID(), VILLAGE, region(VILLAGE, "测试村(新)", TOWNSHIP, "VILLAGE", 430, 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/reports/regions/" + VILLAGE + "/summary").then().statusCode(404));
        given().get("/api/v1/reports/regions/" + COUNTY + "/summary").then().body("regionCount", equalTo(2));
        publish(EventTypes.REGION_CREATED, UUID.randomUUID(), VILLAGE, region(VILLAGE, "重建村", TOWNSHIP, "VILLAGE", 400, 0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/reports/regions/" + VILLAGE + "/summary").then().statusCode(200)
                .body("name", equalTo("重建村")));
        // Consumer lag per topic: the Kafka client's, for each topic's consumer (docs/operations.md).
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("fanzha_events_duplicates_total"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max{client_id=\"kafka-consumer-campaign-events\""))
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max{client_id=\"kafka-consumer-outreach-events\""))
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max{client_id=\"kafka-consumer-casestats-events\""));
    }

    double duplicates() {
        var counter = registry.find("fanzha.events.duplicates").tag("consumer", LiveConsumers.CAMPAIGN).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void badInputAndUnknownRegionsAreProblems() {
        given().get("/api/v1/reports/regions/99x/summary").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("region.code-invalid"));
        given().get("/api/v1/reports/regions/991001999/summary").then().statusCode(404).contentType(PROBLEM)
                .body("code", equalTo("region.not-found"));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "341824"))
    void anotherCountyIsOutOfScope() {
        given().get("/api/v1/reports/regions/" + COUNTY + "/summary").then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("scope.forbidden"));
    }

    @Test
    @TestSecurity(user = "stranger", roles = "not-a-fanzha-role")
    @OidcSecurity(claims = @Claim(key = "region", value = COUNTY))
    void aCallerWithoutAFanzhaRoleIsForbidden() {
        given().get("/api/v1/reports/regions/" + COUNTY + "/summary").then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("auth.forbidden"));
    }

    @Test
    void anonymousCallerIsUnauthorized() {
        given().get("/api/v1/reports/regions/" + COUNTY + "/summary").then().statusCode(401).contentType(PROBLEM)
                .body("code", equalTo("auth.unauthenticated"));
    }

    static void publish(String type, UUID id, String subject, String json) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, COUNTY, json);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id.toString());
        header(record, "ce_type", type);
        header(record, "ce_source", "/fanzha/campaign-service");
        header(record, "ce_time", OffsetDateTime.now().toString());
        header(record, "ce_subject", subject);
        header(record, "content-type", "application/json");
        producer.send(record).get();
    }

    static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static String region(String code, String name, String parent, String level, int households, long version) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"parentCode\":"
                + (parent == null ? "null" : "\"" + parent + "\"") + ",\"level\":\"" + level + "\",\"path\":\"\","
                + "\"residentHouseholds\":" + households + ",\"population\":" + households * 3
                + ",\"version\":" + version + "}";
    }
}
