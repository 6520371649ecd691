package io.fanzha.reporting.assessment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fanzha.reporting.readmodel.Sql;
import io.fanzha.reporting.region.RegionRow;
import io.fanzha.reporting.task.TaskProgressQueries;
import io.fanzha.reporting.unit.UnitRow;

/**
 * Task completion: the tasks with a quota that name the unit and fall due in the period, each worth the same. A count
 * quota's task earns the unit's records against its share (the quota divided among the task's units); a coverage
 * quota's earns the households of the task's region reached against the quota's percent of them. Both count what
 * task progress counts, up to the deadline (or the day judged, if sooner), less the records found at fault.
 */
final class TaskCompletionPart {

    private final Connection connection;
    private final Window window;
    private final Findings findings;
    /** What a task counts is the same for each of its units: counted once per assessment. */
    private final Map<UUID, Map<UUID, Long>> recordsByTask = new HashMap<>();
    private final Map<UUID, Long> reachedByTask = new HashMap<>();

    TaskCompletionPart(Connection connection, Window window, Findings findings) {
        this.connection = connection;
        this.window = window;
        this.findings = findings;
    }

    private record Task(UUID id, UUID campaignId, String title, List<UUID> unitIds, String regionCode,
            LocalDate deadline, Integer quotaCount, List<String> quotaKinds, Integer quotaCoveragePercent,
            LocalDate campaignStart) {
    }

    Part assess(UnitRow unit) throws SQLException {
        List<Task> tasks = new ArrayList<>();
        Map<UUID, Integer> householdsOf = new HashMap<>();
        int unjudged = 0;
        for (Task task : tasks(unit)) {
            Integer households = task.quotaCoveragePercent() == null ? null : households(task);
            if (task.quotaCoveragePercent() != null && households == null) {
                unjudged++;
            } else {
                tasks.add(task);
                householdsOf.put(task.id(), households);
            }
        }
        if (tasks.isEmpty()) {
            return Part.notApplicable(Part.Kind.TASK_COMPLETION, "No task with a quota names the unit and falls due in "
                    + "the period" + (unjudged > 0 ? " but coverage tasks of regions without known households." : "."));
        }
        List<Part.Cost> costs = new ArrayList<>();
        double earned = 0;
        for (Task task : tasks) {
            LocalDate until = task.deadline().isBefore(window.asOf()) ? task.deadline() : window.asOf();
            String href = "/api/v1/campaigns/" + task.campaignId() + "/tasks/" + task.id();
            double done;
            Map<String, Object> facts;
            if (task.quotaCoveragePercent() != null) {
                int households = householdsOf.get(task.id());
                Long reached = reachedByTask.get(task.id());
                if (reached == null) {
                    reached = AssessedReach.total(connection, task.regionCode(), task.campaignStart(), until, findings);
                    reachedByTask.put(task.id(), reached);
                }
                done = Math.min(1, reached / (households * task.quotaCoveragePercent() / 100.0));
                facts = Part.facts("title", task.title(), "deadline", task.deadline(), "regionCode", task.regionCode(),
                        "residentHouseholds", households, "quotaCoveragePercent", task.quotaCoveragePercent(),
                        "householdsReached", reached, "percentDone", Part.percent(done));
            } else {
                int share = TaskProgressQueries.shareOf(task.quotaCount(), task.unitIds().size());
                Map<UUID, Long> byUnit = recordsByTask.get(task.id());
                if (byUnit == null) {
                    byUnit = TaskProgressQueries.recordsByUnit(connection, new TaskProgressQueries.Counting(task.id(),
                            task.quotaKinds(), task.regionCode(), task.unitIds(), task.campaignStart(), task.deadline()),
                            until, findings.excluded());
                    recordsByTask.put(task.id(), byUnit);
                }
                long records = byUnit.getOrDefault(unit.id(), 0L);
                done = Math.min(1, (double) records / share);
                facts = Part.facts("title", task.title(), "deadline", task.deadline(), "quotaCount", task.quotaCount(),
                        "share", share, "recordsCounted", records, "percentDone", Part.percent(done));
            }
            earned += done / tasks.size();
            if (done < 1) {
                costs.add(new Part.Cost("TASK", task.id().toString(), href, (1 - done) / tasks.size(), facts));
            }
        }
        return new Part(Part.Kind.TASK_COMPLETION, earned, null, Part.facts("tasks", tasks.size(),
                "tasksDone", tasks.size() - costs.size(), "tasksWithoutHouseholds", unjudged), costs);
    }

    /** The resident households of a coverage task's region; null when unknown or none (the task is not judged). */
    private Integer households(Task task) throws SQLException {
        Integer households = RegionRow.find(connection, task.regionCode()).map(RegionRow::residentHouseholds).orElse(null);
        return households == null || households <= 0 ? null : households;
    }

    private List<Task> tasks(UnitRow unit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT t.id, t.campaign_id, t.title, t.unit_ids, t.region_code, t.deadline, t.quota_count, t.quota_kinds,
                       t.quota_coverage_percent, c.start_date
                FROM task t JOIN campaign c ON c.id = t.campaign_id
                WHERE NOT t.deleted AND ? = ANY (t.unit_ids) AND t.deadline BETWEEN ? AND ?
                  AND (t.quota_count IS NOT NULL OR t.quota_coverage_percent IS NOT NULL)
                ORDER BY t.deadline, t.title, t.id""")) {
            select.setObject(1, unit.id());
            select.setObject(2, window.period().start());
            select.setObject(3, window.period().end());
            List<Task> tasks = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tasks.add(new Task(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                            Sql.uuids(rows.getArray(4)), rows.getString(5), rows.getObject(6, LocalDate.class),
                            (Integer) rows.getObject(7), Sql.texts(rows.getArray(8)), (Integer) rows.getObject(9),
                            rows.getObject(10, LocalDate.class)));
                }
            }
            return tasks;
        }
    }
}
