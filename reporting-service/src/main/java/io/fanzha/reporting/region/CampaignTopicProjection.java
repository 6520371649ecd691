package io.fanzha.reporting.region;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.contracts.CampaignData;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.RegionData;
import io.fanzha.platform.event.CloudEvent;
import io.fanzha.platform.event.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Projects campaign-service events ({@code fanzha.campaign.v1}) into {@code region_view} and
 * {@code campaign_view}. Batches arrive in order per county; {@link IdempotentConsumer} applies each event
 * once, in one transaction per batch.
 */
@ApplicationScoped
public class CampaignTopicProjection {

    /** Consumer name in processed_event, and the channel's consumer group; stable across releases. */
    public static final String NAME = "reporting-service.campaign-projection";

    private static final Logger LOG = Logger.getLogger(CampaignTopicProjection.class);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    IdempotentConsumer consumer;

    @Incoming("campaign-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(NAME, batch, this::apply);
    }

    void apply(CloudEvent event) {
        switch (event.type()) {
            case EventTypes.REGION_CREATED, EventTypes.REGION_UPDATED -> upsertRegion(read(event, RegionData.class), event);
            case EventTypes.CAMPAIGN_CREATED -> upsertCampaign(read(event, CampaignData.class), event);
            default -> LOG.debugf("Ignoring event type %s", event.type());
        }
    }

    private void upsertRegion(RegionData region, CloudEvent event) {
        em.createNativeQuery("""
                INSERT INTO region_view (code, name, parent_code, level, resident_households, population, version, changed_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, resident_households = EXCLUDED.resident_households,
                    population = EXCLUDED.population, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
                WHERE region_view.version < EXCLUDED.version""")
                .setParameter(1, region.code())
                .setParameter(2, region.name())
                .setParameter(3, region.parentCode())
                .setParameter(4, region.level())
                .setParameter(5, region.residentHouseholds())
                .setParameter(6, region.population())
                .setParameter(7, region.version())
                .setParameter(8, event.time())
                .executeUpdate();
    }

    private void upsertCampaign(CampaignData campaign, CloudEvent event) {
        em.createNativeQuery("""
                INSERT INTO campaign_view (id, theme, region_code, start_date, end_date, version, changed_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT (id) DO UPDATE SET theme = EXCLUDED.theme, start_date = EXCLUDED.start_date,
                    end_date = EXCLUDED.end_date, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
                WHERE campaign_view.version < EXCLUDED.version""")
                .setParameter(1, campaign.id())
                .setParameter(2, campaign.theme())
                .setParameter(3, campaign.regionCode())
                .setParameter(4, campaign.startDate())
                .setParameter(5, campaign.endDate())
                .setParameter(6, campaign.version())
                .setParameter(7, event.time())
                .executeUpdate();
    }

    /** A payload that does not fit throws out of the handler, so the event is dead-lettered with the reason. */
    private <T> T read(CloudEvent event, Class<T> type) {
        return event.dataAs(type, mapper);
    }
}
