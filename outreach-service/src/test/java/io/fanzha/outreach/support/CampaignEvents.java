package io.fanzha.outreach.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.fanzha.outreach.plan.Plan;
import io.fanzha.platform.testing.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** What campaign-service would announce, sent to the test broker, and the wait until outreach's replica holds it. */
public final class CampaignEvents {

    private CampaignEvents() {
    }

    /** Regions, each keyed by its county; the name is all a test reads of them. */
    public static void regions(String name, String... codes) throws Exception {
        for (String code : codes) {
            TopicWriter.send(Topics.CAMPAIGN, EventTypes.REGION_CREATED, code.substring(0, 6), code, """
                    {"code": "%s", "name": "%s", "parentCode": null, "level": "VILLAGE", "path": "", "version": 0}"""
                    .formatted(code, name));
        }
    }

    /** An active police station. */
    public static void unit(UUID id, String name, String regionCode) throws Exception {
        TopicWriter.send(Topics.CAMPAIGN, EventTypes.UNIT_CREATED, regionCode.substring(0, 6), id.toString(), """
                {"id": "%s", "name": "%s", "type": "POLICE_STATION", "regionCode": "%s", "targetGroups": [],
                 "active": true, "version": 0}""".formatted(id, name, regionCode));
    }

    /** Waits until the replica knows the region and the unit. */
    public static void awaitKnown(Plan plan, String regionCode, UUID unit) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            Plan.Known known = plan.lookUp(List.of(regionCode), List.of(unit), List.of(), List.of());
            return known.regions().size() == 1 && known.units().size() == 1;
        }));
    }
}
