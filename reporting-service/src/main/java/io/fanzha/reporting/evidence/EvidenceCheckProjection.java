package io.fanzha.reporting.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.EvidenceFlagData;
import io.fanzha.contracts.SpotCheckResultData;
import io.fanzha.platform.event.CloudEvent;
import io.fanzha.reporting.readmodel.Projection;
import io.fanzha.reporting.readmodel.Sql;

/**
 * What the checks of outreach found, from {@code fanzha.outreach.v1}: evidence flags (a file shared with another
 * household's or another day's record; once raised, a flag stays as it was first told) and spot-check results (the
 * latest check time wins, so the order events arrive in does not matter).
 */
@ApplicationScoped
public class EvidenceCheckProjection implements Projection {

    @Inject
    ObjectMapper mapper;

    @Override
    public void apply(Connection connection, List<CloudEvent> events) throws SQLException {
        Map<List<Object>, EvidenceFlagData> flags = new LinkedHashMap<>();
        List<SpotCheckResultData> results = new ArrayList<>();
        for (CloudEvent event : events) {
            if (event.type().equals(EventTypes.EVIDENCE_FLAGGED)) {
                EvidenceFlagData flag = event.dataAs(EvidenceFlagData.class, mapper);
                flags.putIfAbsent(List.of(flag.recordId(), flag.sha256()), flag);
            } else if (event.type().equals(EventTypes.SPOT_CHECK_RECORDED)) {
                results.add(event.dataAs(SpotCheckResultData.class, mapper));
            }
        }
        insertFlags(connection, flags.values());
        upsertResults(connection, results);
    }

    private static void insertFlags(Connection connection, Iterable<EvidenceFlagData> flags) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO evidence_flag (record_id, sha256, reason, shared_with, flagged_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (record_id, sha256) DO NOTHING""")) {
            int rows = 0;
            for (EvidenceFlagData flag : flags) {
                insert.setObject(1, flag.recordId());
                insert.setString(2, flag.sha256());
                insert.setString(3, flag.reason());
                Sql.setUuids(insert, 4, flag.sharedWith() == null ? List.of() : flag.sharedWith());
                insert.setObject(5, flag.flaggedAt());
                insert.addBatch();
                rows++;
            }
            if (rows > 0) {
                insert.executeBatch();
            }
        }
    }

    private static void upsertResults(Connection connection, List<SpotCheckResultData> results) throws SQLException {
        if (results.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO spot_check_result (spot_check_id, record_id, result, checked_by, checked_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (spot_check_id, record_id) DO UPDATE SET result = EXCLUDED.result,
                    checked_by = EXCLUDED.checked_by, checked_at = EXCLUDED.checked_at
                WHERE spot_check_result.checked_at <= EXCLUDED.checked_at""")) {
            for (SpotCheckResultData result : Sql.newestPerKey(results,
                    r -> List.of(r.spotCheckId(), r.recordId()), r -> r.checkedAt().toInstant().toEpochMilli())) {
                upsert.setObject(1, result.spotCheckId());
                upsert.setObject(2, result.recordId());
                upsert.setString(3, result.result());
                upsert.setString(4, result.checkedBy());
                upsert.setObject(5, result.checkedAt());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }
}
