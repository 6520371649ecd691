package io.fanzha.reporting.plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.GoalData;
import io.fanzha.contracts.TaskData;
import io.fanzha.platform.event.CloudEvent;
import io.fanzha.reporting.readmodel.Projection;
import io.fanzha.reporting.readmodel.Sql;

/** Campaign goals and tasks from {@code fanzha.campaign.v1}; a deletion keeps the row, marked, at its last version. */
@ApplicationScoped
public class PlanProjection implements Projection {

    @Inject
    ObjectMapper mapper;

    @Override
    public void apply(Connection connection, List<CloudEvent> events) throws SQLException {
        try (PreparedStatement goal = connection.prepareStatement("""
                INSERT INTO goal (id, campaign_id, metric, categories, region_code, period, deadline, target_change_percent,
                    target_percent, target_count, outreach_kinds, deleted, version, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET metric = EXCLUDED.metric, categories = EXCLUDED.categories,
                    region_code = EXCLUDED.region_code, period = EXCLUDED.period, deadline = EXCLUDED.deadline,
                    target_change_percent = EXCLUDED.target_change_percent, target_percent = EXCLUDED.target_percent,
                    target_count = EXCLUDED.target_count, outreach_kinds = EXCLUDED.outreach_kinds,
                    deleted = EXCLUDED.deleted, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
                WHERE goal.version < EXCLUDED.version""");
                PreparedStatement task = connection.prepareStatement("""
                        INSERT INTO task (id, campaign_id, title, kind, unit_ids, region_code, deadline, quota_count,
                            quota_kinds, quota_coverage_percent, deleted, version, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, kind = EXCLUDED.kind,
                            unit_ids = EXCLUDED.unit_ids, region_code = EXCLUDED.region_code, deadline = EXCLUDED.deadline,
                            quota_count = EXCLUDED.quota_count, quota_kinds = EXCLUDED.quota_kinds,
                            quota_coverage_percent = EXCLUDED.quota_coverage_percent, deleted = EXCLUDED.deleted,
                            version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
                        WHERE task.version < EXCLUDED.version""")) {
            boolean goals = false;
            boolean tasks = false;
            for (CloudEvent event : events) {
                switch (event.type()) {
                    case EventTypes.GOAL_CREATED, EventTypes.GOAL_UPDATED, EventTypes.GOAL_DELETED -> {
                        GoalData data = event.dataAs(GoalData.class, mapper);
                        goal.setObject(1, data.id());
                        goal.setObject(2, data.campaignId());
                        goal.setString(3, data.metric());
                        Sql.setTexts(goal, 4, data.categories());
                        goal.setString(5, data.regionCode());
                        goal.setString(6, data.period());
                        goal.setObject(7, data.deadline());
                        Sql.setInt(goal, 8, data.targetChangePercent());
                        Sql.setInt(goal, 9, data.targetPercent());
                        Sql.setInt(goal, 10, data.targetCount());
                        Sql.setTexts(goal, 11, data.outreachKinds());
                        goal.setBoolean(12, event.type().equals(EventTypes.GOAL_DELETED));
                        goal.setLong(13, data.version());
                        goal.setObject(14, event.time());
                        goal.addBatch();
                        goals = true;
                    }
                    case EventTypes.TASK_CREATED, EventTypes.TASK_UPDATED, EventTypes.TASK_DELETED -> {
                        TaskData data = event.dataAs(TaskData.class, mapper);
                        task.setObject(1, data.id());
                        task.setObject(2, data.campaignId());
                        task.setString(3, data.title());
                        task.setString(4, data.kind());
                        Sql.setUuids(task, 5, data.unitIds());
                        task.setString(6, data.regionCode());
                        task.setObject(7, data.deadline());
                        Sql.setInt(task, 8, data.quotaCount());
                        Sql.setTexts(task, 9, data.quotaKinds());
                        Sql.setInt(task, 10, data.quotaCoveragePercent());
                        task.setBoolean(11, event.type().equals(EventTypes.TASK_DELETED));
                        task.setLong(12, data.version());
                        task.setObject(13, event.time());
                        task.addBatch();
                        tasks = true;
                    }
                    default -> {
                    }
                }
            }
            Sql.flush(goal, goals);
            Sql.flush(task, tasks);
        }
    }
}
