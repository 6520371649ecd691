package io.fanzha.reporting.outreach;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.OutreachData;
import io.fanzha.contracts.OutreachKind;
import io.fanzha.platform.event.CloudEvent;
import io.fanzha.platform.time.Days;
import io.fanzha.reporting.readmodel.Change;
import io.fanzha.reporting.readmodel.Projection;
import io.fanzha.reporting.readmodel.Sql;

/**
 * Outreach records from {@code fanzha.outreach.v1}, each at its newest version: a voided or rejected record stays,
 * not counted, so that restoring it or reviewing it again counts it once more. After a batch, every household its
 * records name (before and after the change) gets its counted visit days again from the records.
 */
@ApplicationScoped
public class OutreachProjection implements Projection {

    static final String REJECTED = "REJECTED";

    @Inject
    ObjectMapper mapper;

    @Override
    public void apply(Connection connection, List<CloudEvent> events) throws SQLException {
        List<Change<OutreachData>> changes = new ArrayList<>();
        for (CloudEvent event : events) {
            if (isRecordEvent(event)) {
                changes.add(new Change<>(event.dataAs(OutreachData.class, mapper), event));
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        Set<Household> households = householdsNamedBefore(connection, changes);
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO outreach (id, kind, occurred_at, occurred_on, region_code, unit_id, campaign_id, task_id,
                    target_group, materials, people_reached, households_reached, app_installs, receipts_returned,
                    questions_answered, village_code, household_ref, counted, worker, review_state, voided, version,
                    changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, occurred_at = EXCLUDED.occurred_at,
                    occurred_on = EXCLUDED.occurred_on, region_code = EXCLUDED.region_code, unit_id = EXCLUDED.unit_id,
                    campaign_id = EXCLUDED.campaign_id, task_id = EXCLUDED.task_id, target_group = EXCLUDED.target_group,
                    materials = EXCLUDED.materials, people_reached = EXCLUDED.people_reached,
                    households_reached = EXCLUDED.households_reached, app_installs = EXCLUDED.app_installs,
                    receipts_returned = EXCLUDED.receipts_returned, questions_answered = EXCLUDED.questions_answered,
                    village_code = EXCLUDED.village_code, household_ref = EXCLUDED.household_ref,
                    counted = EXCLUDED.counted, worker = EXCLUDED.worker, review_state = EXCLUDED.review_state,
                    voided = EXCLUDED.voided,
                    version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
                WHERE outreach.version < EXCLUDED.version""")) {
            for (Change<OutreachData> change : Sql.newestPerKey(changes, c -> c.data().id(), c -> c.data().version())) {
                OutreachData record = change.data();
                Household household = Household.of(record);
                if (household != null) {
                    households.add(household);
                }
                OutreachData.Metrics metrics = record.metrics() == null
                        ? new OutreachData.Metrics(null, null, null, null, null, null) : record.metrics();
                upsert.setObject(1, record.id());
                upsert.setString(2, record.kind().name());
                upsert.setObject(3, record.occurredAt());
                upsert.setObject(4, record.occurredAt().atZoneSameInstant(Days.ZONE).toLocalDate());
                upsert.setString(5, record.regionCode());
                upsert.setObject(6, record.unitId());
                upsert.setObject(7, record.campaignId());
                upsert.setObject(8, record.taskId());
                upsert.setString(9, record.targetGroup() == null ? null : record.targetGroup().name());
                Sql.setInt(upsert, 10, metrics.materials());
                Sql.setInt(upsert, 11, metrics.peopleReached());
                Sql.setInt(upsert, 12, metrics.householdsReached());
                Sql.setInt(upsert, 13, metrics.appInstalls());
                Sql.setInt(upsert, 14, metrics.receiptsReturned());
                Sql.setInt(upsert, 15, metrics.questionsAnswered());
                upsert.setString(16, household == null ? null : household.village());
                upsert.setString(17, household == null ? null : household.ref());
                upsert.setBoolean(18, counts(record));
                upsert.setString(19, record.worker());
                upsert.setString(20, record.reviewState());
                upsert.setBoolean(21, record.voided());
                upsert.setLong(22, record.version());
                upsert.setObject(23, change.event().time());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        reachAgain(connection, households);
    }

    /** The households the records named before this batch: an edit may move a visit to another household. */
    private static Set<Household> householdsNamedBefore(Connection connection, List<Change<OutreachData>> changes)
            throws SQLException {
        Set<Household> households = new LinkedHashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT village_code, household_ref FROM outreach WHERE id = ANY (?) AND household_ref IS NOT NULL")) {
            Sql.setUuids(select, 1, changes.stream().map(change -> change.data().id()).toList());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    households.add(new Household(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return households;
    }

    /** Each household's counted visit days again, from its records as they are now; none left, no row. */
    private static void reachAgain(Connection connection, Set<Household> households) throws SQLException {
        if (households.isEmpty()) {
            return;
        }
        List<String> villages = households.stream().map(Household::village).toList();
        List<String> refs = households.stream().map(Household::ref).toList();
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM household_reach h USING unnest(?::text[], ?::text[]) AS k(village, ref)
                WHERE h.village_code = k.village AND h.household_ref = k.ref""");
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO household_reach (village_code, household_ref, first_visit, visit_days)
                        SELECT o.village_code, o.household_ref, min(o.occurred_on),
                               array_agg(DISTINCT o.occurred_on ORDER BY o.occurred_on)
                        FROM unnest(?::text[], ?::text[]) AS k(village, ref)
                        JOIN outreach o ON o.village_code = k.village AND o.household_ref = k.ref
                        WHERE o.counted
                        GROUP BY o.village_code, o.household_ref""")) {
            for (PreparedStatement statement : List.of(delete, insert)) {
                Sql.setTexts(statement, 1, villages);
                Sql.setTexts(statement, 2, refs);
                statement.executeUpdate();
            }
        }
    }

    /** Voided and rejected records never count. */
    static boolean counts(OutreachData record) {
        return !record.voided() && !REJECTED.equals(record.reviewState());
    }

    private static boolean isRecordEvent(CloudEvent event) {
        return switch (event.type()) {
            case EventTypes.OUTREACH_RECORDED, EventTypes.OUTREACH_UPDATED, EventTypes.OUTREACH_VOIDED,
                    EventTypes.OUTREACH_RESTORED, EventTypes.OUTREACH_REVIEWED -> true;
            default -> false;
        };
    }

    /** A visited household: its reference is unique within its village (the first 12 digits of a grid's code). */
    record Household(String village, String ref) {

        static Household of(OutreachData record) {
            if (record.kind() != OutreachKind.DOOR_TO_DOOR || record.household() == null
                    || record.regionCode().length() < 12) {
                return null;
            }
            return new Household(record.regionCode().substring(0, 12), record.household().ref());
        }
    }
}
