package io.fanzha.reporting.region;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.contracts.CampaignData;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.RegionData;
import io.fanzha.contracts.RegionDataV1;
import io.fanzha.contracts.UnitData;
import io.fanzha.platform.event.CloudEvent;
import io.fanzha.reporting.readmodel.Change;
import io.fanzha.reporting.readmodel.Projection;
import io.fanzha.reporting.readmodel.Sql;

/**
 * Regions, campaigns and units from {@code fanzha.campaign.v1}. A row only moves to a higher version; a deleted
 * region leaves (a code created again starts over at version 0, after its deletion on the topic).
 */
@ApplicationScoped
public class RegionProjection implements Projection {

    @Inject
    ObjectMapper mapper;

    @Override
    public void apply(Connection connection, List<CloudEvent> events) throws SQLException {
        List<Change<RegionData>> regions = new ArrayList<>();
        List<Change<CampaignData>> campaigns = new ArrayList<>();
        List<Change<UnitData>> units = new ArrayList<>();
        for (CloudEvent event : events) {
            switch (event.type()) {
                case EventTypes.REGION_CREATED, EventTypes.REGION_UPDATED ->
                        regions.add(new Change<>(event.dataAs(RegionData.class, mapper), event));
                case EventTypes.REGION_CREATED_V1, EventTypes.REGION_UPDATED_V1 ->
                        regions.add(new Change<>(event.dataAs(RegionDataV1.class, mapper).upgrade(), event));
                case EventTypes.REGION_DELETED -> {
                    // The upserts before it go first, so a region deleted and created again in one batch ends up created.
                    upsertRegions(connection, regions);
                    regions.clear();
                    deleteRegion(connection, event.dataAs(RegionData.class, mapper));
                }
                case EventTypes.CAMPAIGN_CREATED, EventTypes.CAMPAIGN_UPDATED ->
                        campaigns.add(new Change<>(event.dataAs(CampaignData.class, mapper), event));
                case EventTypes.UNIT_CREATED, EventTypes.UNIT_UPDATED ->
                        units.add(new Change<>(event.dataAs(UnitData.class, mapper), event));
                default -> {
                }
            }
        }
        upsertRegions(connection, regions);
        upsertCampaigns(connection, campaigns);
        upsertUnits(connection, units);
    }

    private static void upsertRegions(Connection connection, List<Change<RegionData>> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO region (code, name, parent_code, level, resident_households, population, version, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, resident_households = EXCLUDED.resident_households,
                    population = EXCLUDED.population, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
                WHERE region.version < EXCLUDED.version""")) {
            for (Change<RegionData> change : Sql.newestPerKey(changes, c -> c.data().code(), c -> c.data().version())) {
                RegionData region = change.data();
                upsert.setString(1, region.code());
                upsert.setString(2, region.name());
                upsert.setString(3, region.parentCode());
                upsert.setString(4, region.level());
                Sql.setInt(upsert, 5, region.residentHouseholds());
                Sql.setInt(upsert, 6, region.population());
                upsert.setLong(7, region.version());
                upsert.setObject(8, change.event().time());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void deleteRegion(Connection connection, RegionData region) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM region WHERE code = ? AND version < ?")) {
            delete.setString(1, region.code());
            delete.setLong(2, region.version());
            delete.executeUpdate();
        }
    }

    private static void upsertCampaigns(Connection connection, List<Change<CampaignData>> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO campaign (id, theme, region_code, start_date, end_date, status, version, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET theme = EXCLUDED.theme, start_date = EXCLUDED.start_date,
                    end_date = EXCLUDED.end_date, status = EXCLUDED.status, version = EXCLUDED.version,
                    changed_at = EXCLUDED.changed_at
                WHERE campaign.version < EXCLUDED.version""")) {
            for (Change<CampaignData> change : Sql.newestPerKey(changes, c -> c.data().id(), c -> c.data().version())) {
                CampaignData campaign = change.data();
                upsert.setObject(1, campaign.id());
                upsert.setString(2, campaign.theme());
                upsert.setString(3, campaign.regionCode());
                upsert.setObject(4, campaign.startDate());
                upsert.setObject(5, campaign.endDate());
                upsert.setString(6, campaign.status());
                upsert.setLong(7, campaign.version());
                upsert.setObject(8, change.event().time());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void upsertUnits(Connection connection, List<Change<UnitData>> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO unit (id, name, type, region_code, active, version, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type,
                    region_code = EXCLUDED.region_code, active = EXCLUDED.active, version = EXCLUDED.version,
                    changed_at = EXCLUDED.changed_at
                WHERE unit.version < EXCLUDED.version""")) {
            for (Change<UnitData> change : Sql.newestPerKey(changes, c -> c.data().id(), c -> c.data().version())) {
                UnitData unit = change.data();
                upsert.setObject(1, unit.id());
                upsert.setString(2, unit.name());
                upsert.setString(3, String.valueOf(unit.type()));
                upsert.setString(4, unit.regionCode());
                upsert.setBoolean(5, unit.active());
                upsert.setLong(6, unit.version());
                upsert.setObject(7, change.event().time());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }
}
