package io.fanzha.reporting.plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.GoalData;
import io.fanzha.contracts.TaskData;
import io.fanzha.platform.event.CloudEvent;
import io.fanzha.reporting.readmodel.Change;
import io.fanzha.reporting.readmodel.Projection;
import io.fanzha.reporting.readmodel.Sql;

/** Campaign goals and tasks from {@code fanzha.campaign.v1}; a deletion keeps the row, marked, at its last version. */
@ApplicationScoped
public class PlanProjection implements Projection {

    @Inject
    ObjectMapper mapper;

    @Override
    public void apply(Connection connection, List<CloudEvent> events) throws SQLException {
        List<Change<GoalData>> goals = new ArrayList<>();
        List<Change<TaskData>> tasks = new ArrayList<>();
        for (CloudEvent event : events) {
            switch (event.type()) {
                case EventTypes.GOAL_CREATED, EventTypes.GOAL_UPDATED, EventTypes.GOAL_DELETED ->
                        goals.add(new Change<>(event.dataAs(GoalData.class, mapper), event));
                case EventTypes.TASK_CREATED, EventTypes.TASK_UPDATED, EventTypes.TASK_DELETED ->
                        tasks.add(new Change<>(event.dataAs(TaskData.class, mapper), event));
                default -> {
                }
            }
        }
        upsertGoals(connection, goals);
        upsertTasks(connection, tasks);
    }

    private static void upsertGoals(Connection connection, List<Change<GoalData>> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO goal (id, campaign_id, metric, categories, region_code, period, deadline, target_change_percent,
                    target_percent, target_count, outreach_kinds, deleted, version, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET metric = EXCLUDED.metric, categories = EXCLUDED.categories,
                    region_code = EXCLUDED.region_code, period = EXCLUDED.period, deadline = EXCLUDED.deadline,
                    target_change_percent = EXCLUDED.target_change_percent, target_percent = EXCLUDED.target_percent,
                    target_count = EXCLUDED.target_count, outreach_kinds = EXCLUDED.outreach_kinds,
                    deleted = EXCLUDED.deleted, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
                WHERE goal.version < EXCLUDED.version""")) {
            for (Change<GoalData> change : Sql.newestPerKey(changes, c -> c.data().id(), c -> c.data().version())) {
                GoalData goal = change.data();
                upsert.setObject(1, goal.id());
                upsert.setObject(2, goal.campaignId());
                upsert.setString(3, goal.metric());
                Sql.setTexts(upsert, 4, goal.categories());
                upsert.setString(5, goal.regionCode());
                upsert.setString(6, goal.period());
                upsert.setObject(7, goal.deadline());
                Sql.setInt(upsert, 8, goal.targetChangePercent());
                Sql.setInt(upsert, 9, goal.targetPercent());
                Sql.setInt(upsert, 10, goal.targetCount());
                Sql.setTexts(upsert, 11, goal.outreachKinds());
                upsert.setBoolean(12, change.is(EventTypes.GOAL_DELETED));
                upsert.setLong(13, goal.version());
                upsert.setObject(14, change.event().time());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void upsertTasks(Connection connection, List<Change<TaskData>> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO task (id, campaign_id, title, kind, unit_ids, region_code, deadline, quota_count, quota_kinds,
                    quota_coverage_percent, deleted, version, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, kind = EXCLUDED.kind,
                    unit_ids = EXCLUDED.unit_ids, region_code = EXCLUDED.region_code, deadline = EXCLUDED.deadline,
                    quota_count = EXCLUDED.quota_count, quota_kinds = EXCLUDED.quota_kinds,
                    quota_coverage_percent = EXCLUDED.quota_coverage_percent, deleted = EXCLUDED.deleted,
                    version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
                WHERE task.version < EXCLUDED.version""")) {
            for (Change<TaskData> change : Sql.newestPerKey(changes, c -> c.data().id(), c -> c.data().version())) {
                TaskData task = change.data();
                upsert.setObject(1, task.id());
                upsert.setObject(2, task.campaignId());
                upsert.setString(3, task.title());
                upsert.setString(4, task.kind());
                Sql.setUuids(upsert, 5, task.unitIds());
                upsert.setString(6, task.regionCode());
                upsert.setObject(7, task.deadline());
                Sql.setInt(upsert, 8, task.quotaCount());
                Sql.setTexts(upsert, 9, task.quotaKinds());
                Sql.setInt(upsert, 10, task.quotaCoveragePercent());
                upsert.setBoolean(11, change.is(EventTypes.TASK_DELETED));
                upsert.setLong(12, task.version());
                upsert.setObject(13, change.event().time());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }
}
