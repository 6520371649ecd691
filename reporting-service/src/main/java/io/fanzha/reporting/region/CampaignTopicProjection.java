package io.fanzha.reporting.region;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.contracts.CampaignData;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.RegionData;
import io.fanzha.contracts.RegionDataV1;
import io.fanzha.platform.event.CloudEvent;
import io.fanzha.platform.event.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Projects campaign-service events ({@code fanzha.campaign.v1}) into {@code region_view} and
 * {@code campaign_view}. Batches arrive in order per county; {@link IdempotentConsumer} hands over each
 * event once, in one transaction per batch, and the upserts of a batch go to PostgreSQL as one JDBC batch.
 * The version guard keeps the newest state whatever order redeliveries arrive in.
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

    void apply(List<CloudEvent> events) {
        List<Change<RegionData>> regions = new ArrayList<>();
        List<Change<CampaignData>> campaigns = new ArrayList<>();
        for (CloudEvent event : events) {
            switch (event.type()) {
                case EventTypes.REGION_CREATED, EventTypes.REGION_UPDATED, EventTypes.REGION_DELETED ->
                        regions.add(new Change<>(read(event, RegionData.class), event));
                case EventTypes.REGION_CREATED_V1, EventTypes.REGION_UPDATED_V1 ->
                        regions.add(new Change<>(read(event, RegionDataV1.class).upgrade(), event));
                case EventTypes.CAMPAIGN_CREATED, EventTypes.CAMPAIGN_UPDATED ->
                        campaigns.add(new Change<>(read(event, CampaignData.class), event));
                default -> LOG.debugf("Ignoring event type %s", event.type());
            }
        }
        em.unwrap(Session.class).doWork(connection -> {
            applyRegions(connection, regions);
            upsertCampaigns(connection, campaigns);
        });
    }

    /**
     * Upserts and deletions in the order they happened: a run of upserts goes as one JDBC batch, and a deletion
     * first sends the upserts before it, so a region deleted and created again within one batch ends up created.
     * A deletion removes the row (a code created again starts over at version 0).
     */
    private static void applyRegions(Connection connection, List<Change<RegionData>> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO region_view (code, name, parent_code, level, resident_households, population, version, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, resident_households = EXCLUDED.resident_households,
                    population = EXCLUDED.population, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
                WHERE region_view.version < EXCLUDED.version""");
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM region_view WHERE code = ? AND version < ?")) {
            boolean upsertsPending = false;
            for (Change<RegionData> change : changes) {
                RegionData region = change.data();
                if (change.event().type().equals(EventTypes.REGION_DELETED)) {
                    if (upsertsPending) {
                        upsert.executeBatch();
                        upsertsPending = false;
                    }
                    delete.setString(1, region.code());
                    delete.setLong(2, region.version());
                    delete.executeUpdate();
                    continue;
                }
                upsert.setString(1, region.code());
                upsert.setString(2, region.name());
                upsert.setString(3, region.parentCode());
                upsert.setString(4, region.level());
                upsert.setObject(5, region.residentHouseholds(), Types.INTEGER);
                upsert.setObject(6, region.population(), Types.INTEGER);
                upsert.setLong(7, region.version());
                upsert.setObject(8, change.event().time());
                upsert.addBatch();
                upsertsPending = true;
            }
            if (upsertsPending) {
                upsert.executeBatch();
            }
        }
    }

    private static void upsertCampaigns(Connection connection, List<Change<CampaignData>> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO campaign_view (id, theme, region_code, start_date, end_date, version, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET theme = EXCLUDED.theme, start_date = EXCLUDED.start_date,
                    end_date = EXCLUDED.end_date, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
                WHERE campaign_view.version < EXCLUDED.version""")) {
            for (Change<CampaignData> change : changes) {
                CampaignData campaign = change.data();
                upsert.setObject(1, campaign.id());
                upsert.setString(2, campaign.theme());
                upsert.setString(3, campaign.regionCode());
                upsert.setObject(4, campaign.startDate());
                upsert.setObject(5, campaign.endDate());
                upsert.setLong(6, campaign.version());
                upsert.setObject(7, change.event().time());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** A payload that does not fit throws out of the handler, so the event is dead-lettered with the reason. */
    private <T> T read(CloudEvent event, Class<T> type) {
        return event.dataAs(type, mapper);
    }

    private record Change<T>(T data, CloudEvent event) {
    }
}
