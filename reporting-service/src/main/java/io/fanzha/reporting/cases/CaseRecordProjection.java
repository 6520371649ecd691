package io.fanzha.reporting.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.contracts.CaseData;
import io.fanzha.contracts.EventTypes;
import io.fanzha.platform.event.CloudEvent;
import io.fanzha.reporting.readmodel.Change;
import io.fanzha.reporting.readmodel.Projection;
import io.fanzha.reporting.readmodel.Sql;

/**
 * Case records from {@code fanzha.casestats.v1}, each at its newest version; a deleted case stays as a marked row
 * (its deletion carries the next version), which trace-back leaves out.
 */
@ApplicationScoped
public class CaseRecordProjection implements Projection {

    /** A village's code has 12 digits; a grid's starts with its village's. */
    static final int VILLAGE_LENGTH = 12;

    @Inject
    ObjectMapper mapper;

    @Override
    public void apply(Connection connection, List<CloudEvent> events) throws SQLException {
        List<Change<CaseData>> changes = new ArrayList<>();
        for (CloudEvent event : events) {
            switch (event.type()) {
                case EventTypes.CASE_RECORDED, EventTypes.CASE_UPDATED, EventTypes.CASE_DELETED ->
                        changes.add(new Change<>(event.dataAs(CaseData.class, mapper), event));
                default -> {
                }
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO case_record (id, occurred_on, region_code, village_code, category, loss, age_band,
                    target_group, unit_id, household_ref, deleted, version, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET occurred_on = EXCLUDED.occurred_on, region_code = EXCLUDED.region_code,
                    village_code = EXCLUDED.village_code, category = EXCLUDED.category, loss = EXCLUDED.loss,
                    age_band = EXCLUDED.age_band, target_group = EXCLUDED.target_group, unit_id = EXCLUDED.unit_id,
                    household_ref = EXCLUDED.household_ref, deleted = EXCLUDED.deleted, version = EXCLUDED.version,
                    changed_at = EXCLUDED.changed_at
                WHERE case_record.version < EXCLUDED.version""")) {
            for (Change<CaseData> change : Sql.newestPerKey(changes, c -> c.data().id(), c -> c.data().version())) {
                CaseData data = change.data();
                upsert.setObject(1, data.id());
                upsert.setObject(2, data.occurredOn());
                upsert.setString(3, data.regionCode());
                upsert.setString(4, data.regionCode().length() >= VILLAGE_LENGTH
                        ? data.regionCode().substring(0, VILLAGE_LENGTH) : null);
                upsert.setString(5, data.category());
                upsert.setBigDecimal(6, data.loss());
                upsert.setString(7, data.ageBand() == null ? null : data.ageBand().name());
                upsert.setString(8, data.targetGroup() == null ? null : data.targetGroup().name());
                upsert.setObject(9, data.unitId());
                upsert.setString(10, data.householdRef());
                upsert.setBoolean(11, change.is(EventTypes.CASE_DELETED));
                upsert.setLong(12, data.version());
                upsert.setObject(13, change.event().time());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }
}
