package io.fanzha.reporting.region;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        try (PreparedStatement region = connection.prepareStatement("""
                INSERT INTO region (code, name, parent_code, level, resident_households, population, version, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, resident_households = EXCLUDED.resident_households,
                    population = EXCLUDED.population, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
                WHERE region.version < EXCLUDED.version""");
                PreparedStatement deleteRegion = connection.prepareStatement(
                        "DELETE FROM region WHERE code = ? AND version < ?");
                PreparedStatement campaign = connection.prepareStatement("""
                        INSERT INTO campaign (id, theme, region_code, start_date, end_date, status, version, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET theme = EXCLUDED.theme, start_date = EXCLUDED.start_date,
                            end_date = EXCLUDED.end_date, status = EXCLUDED.status, version = EXCLUDED.version,
                            changed_at = EXCLUDED.changed_at
                        WHERE campaign.version < EXCLUDED.version""");
                PreparedStatement unit = connection.prepareStatement("""
                        INSERT INTO unit (id, name, type, region_code, active, version, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type,
                            region_code = EXCLUDED.region_code, active = EXCLUDED.active, version = EXCLUDED.version,
                            changed_at = EXCLUDED.changed_at
                        WHERE unit.version < EXCLUDED.version""")) {
            boolean regions = false;
            boolean campaigns = false;
            boolean units = false;
            for (CloudEvent event : events) {
                switch (event.type()) {
                    case EventTypes.REGION_CREATED, EventTypes.REGION_UPDATED ->
                            regions = addRegion(region, event.dataAs(RegionData.class, mapper), event);
                    case EventTypes.REGION_CREATED_V1, EventTypes.REGION_UPDATED_V1 ->
                            regions = addRegion(region, event.dataAs(RegionDataV1.class, mapper).upgrade(), event);
                    case EventTypes.REGION_DELETED -> {
                        // The upserts before it go first, so a region deleted and created again in one batch ends up created.
                        Sql.flush(region, regions);
                        regions = false;
                        RegionData data = event.dataAs(RegionData.class, mapper);
                        deleteRegion.setString(1, data.code());
                        deleteRegion.setLong(2, data.version());
                        deleteRegion.executeUpdate();
                    }
                    case EventTypes.CAMPAIGN_CREATED, EventTypes.CAMPAIGN_UPDATED -> {
                        CampaignData data = event.dataAs(CampaignData.class, mapper);
                        campaign.setObject(1, data.id());
                        campaign.setString(2, data.theme());
                        campaign.setString(3, data.regionCode());
                        campaign.setObject(4, data.startDate());
                        campaign.setObject(5, data.endDate());
                        campaign.setString(6, data.status());
                        campaign.setLong(7, data.version());
                        campaign.setObject(8, event.time());
                        campaign.addBatch();
                        campaigns = true;
                    }
                    case EventTypes.UNIT_CREATED, EventTypes.UNIT_UPDATED -> {
                        UnitData data = event.dataAs(UnitData.class, mapper);
                        unit.setObject(1, data.id());
                        unit.setString(2, data.name());
                        unit.setString(3, String.valueOf(data.type()));
                        unit.setString(4, data.regionCode());
                        unit.setBoolean(5, data.active());
                        unit.setLong(6, data.version());
                        unit.setObject(7, event.time());
                        unit.addBatch();
                        units = true;
                    }
                    default -> {
                    }
                }
            }
            Sql.flush(region, regions);
            Sql.flush(campaign, campaigns);
            Sql.flush(unit, units);
        }
    }

    private static boolean addRegion(PreparedStatement upsert, RegionData region, CloudEvent event) throws SQLException {
        upsert.setString(1, region.code());
        upsert.setString(2, region.name());
        upsert.setString(3, region.parentCode());
        upsert.setString(4, region.level());
        Sql.setInt(upsert, 5, region.residentHouseholds());
        Sql.setInt(upsert, 6, region.population());
        upsert.setLong(7, region.version());
        upsert.setObject(8, event.time());
        upsert.addBatch();
        return true;
    }
}
