package io.fanzha.reporting.task;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fanzha.reporting.campaign.CampaignRow;
import io.fanzha.reporting.coverage.CoverageProgress;
import io.fanzha.reporting.readmodel.Sql;
import io.fanzha.reporting.region.RegionRow;
import io.fanzha.reporting.report.Percent;
import io.fanzha.reporting.unit.UnitRow;

/**
 * The progress of a campaign's tasks as of a day. A task counts the records carrying its id, and the records carrying
 * no task id of the kinds its quota names, in its region, from the campaign's start to its deadline, logged by its
 * responsible units (by anyone when it names none).
 */
public final class TaskProgressQueries {

    private TaskProgressQueries() {
    }

    public static List<TaskProgress> of(Connection connection, CampaignRow campaign, LocalDate asOf) throws SQLException {
        List<TaskProgress> progress = new ArrayList<>();
        for (Task task : tasks(connection, campaign.id())) {
            progress.add(task.quotaCoveragePercent() != null
                    ? coverage(connection, campaign, task, asOf) : count(connection, campaign, task, asOf));
        }
        return progress;
    }

    private static TaskProgress count(Connection connection, CampaignRow campaign, Task task, LocalDate asOf)
            throws SQLException {
        Map<UUID, Long> byUnit = recordsByUnit(connection, campaign, task, asOf);
        long done = byUnit.values().stream().mapToLong(Long::longValue).sum();
        Integer quota = task.quotaCount();
        boolean past = asOf.isAfter(task.deadline());
        long days = Math.max(1, ChronoUnit.DAYS.between(campaign.startDate(), task.deadline()) + 1);
        long elapsed = Math.min(days, Math.max(0, ChronoUnit.DAYS.between(campaign.startDate(), asOf) + 1));
        String status;
        if (quota == null) {
            status = "NO_QUOTA";
        } else if (done >= quota) {
            status = "DONE";
        } else if (past) {
            status = "OVERDUE";
        } else {
            status = done >= due(quota, elapsed, days) ? "ON_TRACK" : "BEHIND";
        }
        Integer share = shareOf(quota, task.unitIds().size());
        List<TaskProgress.UnitProgress> units = new ArrayList<>();
        Map<UUID, String> names = UnitRow.names(connection, task.unitIds());
        for (UUID unit : task.unitIds()) {
            long unitDone = byUnit.getOrDefault(unit, 0L);
            boolean behind = share != null && unitDone < (past ? share : due(share, elapsed, days));
            units.add(new TaskProgress.UnitProgress(unit, names.get(unit), unitDone, share, behind));
        }
        return new TaskProgress(task.id(), task.title(), task.kind(), task.regionCode(), task.deadline(),
                new TaskProgress.Quota(quota, task.quotaKinds(), null), BigDecimal.valueOf(done),
                quota == null ? null : Percent.of(done, quota), quota != null && past && done < quota, status, units);
    }

    private static TaskProgress coverage(Connection connection, CampaignRow campaign, Task task, LocalDate asOf)
            throws SQLException {
        LocalDate to = asOf.isAfter(task.deadline()) ? task.deadline() : asOf;
        Integer resident = RegionRow.find(connection, task.regionCode()).map(RegionRow::residentHouseholds).orElse(null);
        CoverageProgress progress = CoverageProgress.of(connection, task.regionCode(), resident, campaign.startDate(), to,
                task.quotaCoveragePercent());
        boolean past = asOf.isAfter(task.deadline());
        BigDecimal percent = progress.percent();
        boolean met = percent != null && percent.compareTo(BigDecimal.valueOf(task.quotaCoveragePercent())) >= 0;
        String status = met ? "DONE" : past ? "OVERDUE"
                : progress.projected() != null && !progress.projected().isAfter(task.deadline()) ? "ON_TRACK" : "BEHIND";
        Map<UUID, String> names = UnitRow.names(connection, task.unitIds());
        List<TaskProgress.UnitProgress> units = new ArrayList<>();
        for (UUID unit : task.unitIds()) {
            units.add(new TaskProgress.UnitProgress(unit, names.get(unit),
                    householdsOf(connection, unit, task.regionCode(), campaign.startDate(), to), null, false));
        }
        return new TaskProgress(task.id(), task.title(), task.kind(), task.regionCode(), task.deadline(),
                new TaskProgress.Quota(null, task.quotaKinds(), task.quotaCoveragePercent()),
                percent == null ? BigDecimal.ZERO : percent,
                percent == null ? null : Percent.of(progress.reached(),
                        (int) Math.ceil(resident * task.quotaCoveragePercent() / 100.0)),
                !met && past, status, units);
    }

    /** Each responsible unit's share of a count quota: the quota divided among them, rounded up. */
    public static Integer shareOf(Integer quota, int units) {
        return quota == null || units == 0 ? null : (quota + units - 1) / units;
    }

    /** Of the quota, the part that the share of time elapsed asks for, rounded up. */
    private static long due(long quota, long elapsed, long days) {
        return (quota * elapsed + days - 1) / days;
    }

    private static Map<UUID, Long> recordsByUnit(Connection connection, CampaignRow campaign, Task task, LocalDate asOf)
            throws SQLException {
        return recordsByUnit(connection, new Counting(task.id(), task.quotaKinds(), task.regionCode(), task.unitIds(),
                campaign.startDate(), task.deadline()), asOf, List.of());
    }

    /** What a task counts: its id, its quota's kinds, its region and units, its campaign's start and its deadline. */
    public record Counting(UUID taskId, List<String> kinds, String regionCode, List<UUID> unitIds, LocalDate start,
            LocalDate deadline) {
    }

    /** The records a task counts by {@code asOf}, per unit, leaving out the {@code excluded} ones. */
    public static Map<UUID, Long> recordsByUnit(Connection connection, Counting task, LocalDate asOf,
            Collection<UUID> excluded) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT unit_id, count(*) FROM outreach
                WHERE counted AND occurred_on <= ? AND (task_id = ? OR (task_id IS NULL AND kind = ANY (?)
                    AND region_code LIKE ? || '%' AND occurred_on BETWEEN ? AND ?
                    AND (cardinality(?::uuid[]) = 0 OR unit_id = ANY (?))))
                  AND NOT (id = ANY (?))
                GROUP BY unit_id""")) {
            select.setObject(1, asOf);
            select.setObject(2, task.taskId());
            Sql.setTexts(select, 3, task.kinds());
            select.setString(4, task.regionCode());
            select.setObject(5, task.start());
            select.setObject(6, task.deadline());
            Sql.setUuids(select, 7, task.unitIds());
            Sql.setUuids(select, 8, task.unitIds());
            Sql.setUuids(select, 9, excluded);
            Map<UUID, Long> counts = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.merge(rows.getObject(1, UUID.class), rows.getLong(2), Long::sum);
                }
            }
            return counts;
        }
    }

    private static long householdsOf(Connection connection, UUID unit, String region, LocalDate from, LocalDate to)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT count(*) FROM (SELECT DISTINCT village_code, household_ref FROM outreach
                WHERE counted AND household_ref IS NOT NULL AND unit_id = ? AND region_code LIKE ? || '%'
                  AND occurred_on BETWEEN ? AND ?) h""")) {
            select.setObject(1, unit);
            select.setString(2, region);
            select.setObject(3, from);
            select.setObject(4, to);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private record Task(UUID id, String title, String kind, List<UUID> unitIds, String regionCode, LocalDate deadline,
            Integer quotaCount, List<String> quotaKinds, Integer quotaCoveragePercent) {
    }

    /** The campaign's tasks, soonest deadline first. */
    private static List<Task> tasks(Connection connection, UUID campaign) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, title, kind, unit_ids, region_code, deadline, quota_count, quota_kinds, quota_coverage_percent
                FROM task WHERE campaign_id = ? AND NOT deleted ORDER BY deadline, title, id""")) {
            select.setObject(1, campaign);
            List<Task> tasks = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tasks.add(new Task(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            Sql.uuids(rows.getArray(4)), rows.getString(5), rows.getObject(6, LocalDate.class),
                            (Integer) rows.getObject(7), Sql.texts(rows.getArray(8)), (Integer) rows.getObject(9)));
                }
            }
            return tasks;
        }
    }

}
