package io.fanzha.casestats.region;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.testing.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The regions campaign-service announces become known here; a deleted one is forgotten, a re-created one known. */
@QuarkusTest
class RegionReplicaTest {

    @Inject
    Regions regions;

    /** Read as the import reads it, in a transaction of its own. */
    Set<String> known(List<String> codes) {
        return QuarkusTransaction.requiringNew().call(() -> regions.known(codes));
    }

    static String region(String code, long version) {
        return """
                {"code": "%s", "name": "测试村", "parentCode": "%s", "level": "VILLAGE", "path": "", "residentHouseholds": null,
                 "population": null, "version": %d}""".formatted(code, code.substring(0, 9), version);
    }

    static void send(String type, String code, long version) throws Exception {
        TopicWriter.send(Topics.CAMPAIGN, type, code.substring(0, 6), code, region(code, version));
    }

    @Test
    void regionsComeAndGoAsCampaignServiceAnnouncesThem() throws Exception {
        String village = "3418251" + (10 + (int) (Math.random() * 89)) + "201";
        String other = village.substring(0, 9) + "202";
        send(EventTypes.REGION_CREATED, village, 0);
        send(EventTypes.REGION_UPDATED, village, 1);
        TopicWriter.send(Topics.CAMPAIGN, EventTypes.REGION_CREATED_V1, "341825", other, """
                {"code": "%s", "name": "旧式事件村", "parentCode": "%s", "level": 3, "path": "", "residentHouseholds": 10,
                 "population": 30, "version": 0}""".formatted(other, other.substring(0, 9)));
        await().atMost(Duration.ofSeconds(30)).until(() -> known(List.of(village, other)).size() == 2);

        send(EventTypes.REGION_DELETED, village, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> known(List.of(village)).isEmpty());
        // Created again after its deletion, it starts at version 0 and is known again.
        send(EventTypes.REGION_CREATED, village, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> known(List.of(village)).size() == 1);
        assertEquals(Set.of(other), known(List.of(other, "341825999201", UUID.randomUUID().toString())));
    }
}
