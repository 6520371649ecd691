package io.fanzha.outreach.plan;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.contracts.CampaignData;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.TaskData;
import io.fanzha.contracts.UnitData;
import io.fanzha.platform.event.CloudEvent;
import io.fanzha.platform.event.IdempotentConsumer;
import io.fanzha.platform.replica.RegionReplica;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * What outreach records may name, kept from campaign-service's events: regions (the platform's RegionReplica), units,
 * campaigns and tasks, with only what the checks of a record need (docs/outreach.md, "A record"). A newer version
 * always wins over a replayed older one.
 */
@ApplicationScoped
public class Plan {

    /** Consumer name in processed_event, and the channel's consumer group; stable across releases. */
    public static final String NAME = "outreach-service.plan-replica";

    public record Unit(UUID id, String regionCode, boolean active) {
    }

    public record Campaign(UUID id, String regionCode, LocalDate startDate, LocalDate endDate) {
    }

    public record Task(UUID id, UUID campaignId, String regionCode, boolean deleted) {
    }

    /** What a batch of records names, looked up at once. */
    public record Known(Set<String> regions, Map<UUID, Unit> units, Map<UUID, Campaign> campaigns, Map<UUID, Task> tasks) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    RegionReplica regions;

    @Incoming("campaign-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(NAME, batch, this::apply);
    }

    void apply(List<CloudEvent> events) {
        for (CloudEvent event : events) {
            switch (event.type()) {
                case EventTypes.UNIT_CREATED, EventTypes.UNIT_UPDATED -> {
                    UnitData unit = event.dataAs(UnitData.class, mapper);
                    upsert("unit", "id, name, region_code, active, version", "name = excluded.name, "
                            + "region_code = excluded.region_code, active = excluded.active", unit.id(), unit.name(),
                            unit.regionCode(), unit.active(), unit.version());
                }
                case EventTypes.CAMPAIGN_CREATED, EventTypes.CAMPAIGN_UPDATED -> {
                    CampaignData campaign = event.dataAs(CampaignData.class, mapper);
                    upsert("campaign", "id, region_code, start_date, end_date, version", "region_code = excluded.region_code, "
                            + "start_date = excluded.start_date, end_date = excluded.end_date", campaign.id(),
                            campaign.regionCode(), campaign.startDate(), campaign.endDate(), campaign.version());
                }
                case EventTypes.TASK_CREATED, EventTypes.TASK_UPDATED, EventTypes.TASK_DELETED -> {
                    TaskData task = event.dataAs(TaskData.class, mapper);
                    upsert("task", "id, campaign_id, region_code, deleted, version", "campaign_id = excluded.campaign_id, "
                            + "region_code = excluded.region_code, deleted = excluded.deleted", task.id(), task.campaignId(),
                            task.regionCode(), event.type().equals(EventTypes.TASK_DELETED), task.version());
                }
                default -> {
                    // Regions are kept by the platform's replica; goals, alliances and groups are not outreach's concern.
                    regions.apply(event);
                }
            }
        }
    }

    /** Inserts a row, or replaces the stored one if it is older; the version is the last value. */
    private void upsert(String table, String columns, String assignments, Object... values) {
        String key = columns.substring(0, columns.indexOf(','));
        StringBuilder placeholders = new StringBuilder();
        for (int i = 1; i <= values.length; i++) {
            placeholders.append(i == 1 ? "" : ", ").append('?').append(i);
        }
        var query = em.createNativeQuery("insert into " + table + " (" + columns + ") values (" + placeholders + ") "
                + "on conflict (" + key + ") do update set " + assignments + ", "
                + "version = excluded.version where " + table + ".version < excluded.version");
        for (int i = 0; i < values.length; i++) {
            query.setParameter(i + 1, values[i]);
        }
        query.executeUpdate();
    }

    /** The regions, units, campaigns and tasks of these ids that are known. */
    @Transactional(TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Known lookUp(Collection<String> regionCodes, Collection<UUID> unitIds, Collection<UUID> campaignIds,
            Collection<UUID> taskIds) {
        Set<String> known = regions.known(regionCodes);
        Map<UUID, Unit> units = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "select id, region_code, active from unit where id = any(?1)")
                .setParameter(1, unitIds.toArray(UUID[]::new)).getResultList()) {
            units.put((UUID) row[0], new Unit((UUID) row[0], (String) row[1], (Boolean) row[2]));
        }
        Map<UUID, Task> tasks = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "select id, campaign_id, region_code, deleted from task where id = any(?1)")
                .setParameter(1, taskIds.toArray(UUID[]::new)).getResultList()) {
            tasks.put((UUID) row[0], new Task((UUID) row[0], (UUID) row[1], (String) row[2], (Boolean) row[3]));
        }
        // A record that names only its task counts for the task's campaign, which is checked too.
        Set<UUID> campaignsNamed = new HashSet<>(campaignIds);
        tasks.values().forEach(task -> campaignsNamed.add(task.campaignId()));
        Map<UUID, Campaign> campaigns = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "select id, region_code, start_date, end_date from campaign where id = any(?1)")
                .setParameter(1, campaignsNamed.toArray(UUID[]::new)).getResultList()) {
            campaigns.put((UUID) row[0], new Campaign((UUID) row[0], (String) row[1], toDate(row[2]), toDate(row[3])));
        }
        return new Known(known, units, campaigns, tasks);
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
