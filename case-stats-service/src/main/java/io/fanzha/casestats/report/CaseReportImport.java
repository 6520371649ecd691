package io.fanzha.casestats.report;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.casestats.category.FraudCategory;
import io.fanzha.casestats.completeness.ExpectationService;
import io.fanzha.casestats.region.Regions;
import io.fanzha.contracts.CaseFigures;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.bulk.BulkAnswer;
import io.fanzha.platform.bulk.BulkConflict;
import io.fanzha.platform.bulk.BulkConflicts;
import io.fanzha.platform.bulk.BulkRows;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.job.ImportProgress;
import io.fanzha.platform.money.Money;
import io.fanzha.platform.period.Granularity;
import io.fanzha.platform.period.Period;
import io.fanzha.platform.period.PeriodFormatException;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;

/**
 * A push of case reports (docs/case-reports.md): every row is checked, its key looked up, and what it changes
 * stored, audited and announced in one transaction. A refused row is a conflict of the answer; with
 * {@code atomic=true} one conflict stores nothing, and {@code dryRun=true} stores nothing at all.
 */
@ApplicationScoped
public class CaseReportImport {

    static final List<String> FIGURES = List.of("cases", "loss", "casesConcluded", "defendants", "heavySentences",
            "restitution", "fines");
    static final BulkRows.Layout LAYOUT = new BulkRows.Layout("rows",
            List.of("regionCode", "period", "category", "cases", "loss", "casesConcluded", "defendants", "heavySentences",
                    "restitution", "fines"),
            Set.of("regionCode", "period", "category"), Set.of("cases", "casesConcluded", "defendants", "heavySentences"),
            Set.of("loss", "restitution", "fines"), "regionCode");
    private static final int[] SQL_TYPES = { Types.INTEGER, Types.NUMERIC, Types.INTEGER, Types.INTEGER, Types.INTEGER,
        Types.NUMERIC, Types.NUMERIC };
    /** A push in one request and one transaction; beyond, a file is split. */
    static final int MAX_ROWS = 100_000;
    /**
     * Rows per lookup of stored reports and per JDBC batch: the driver holds a batch's parameters until it is sent,
     * and a lookup's whole result, which for a push of 100,000 rows at once was more than a 128 MB heap
     * (docs/benchmarks.md, "Case-report push").
     */
    private static final int BATCH = 2_000;
    /** Far above any week of any region; a bigger count is a typing error. */
    static final int MAX_COUNT = 10_000_000;

    /**
     * What to push: how the body is read, what to do, who does it where ("" for everywhere), the id its audit rows
     * and events name (a job's id when it runs as one), and who is told how far it has read.
     */
    public record Request(InputStream body, BulkRows.Format format, ImportStrategy strategy, boolean dryRun, boolean atomic,
            String scopePrefix, String user, UUID importId, ImportProgress progress) {
    }

    private record Row(long index, Long line, ReportKey key, CaseFigures figures) {
    }

    private record Stored(CaseFigures figures, long version) {
    }

    private record Change(Row row, String action, CaseFigures before, CaseFigures after, long version) {
    }

    @Inject
    BulkRows rows;

    @Inject
    Regions regions;

    @Inject
    ExpectationService expectations;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @Transactional
    public BulkAnswer run(Request request) {
        BulkConflicts conflicts = new BulkConflicts();
        Map<String, Boolean> categories = new HashMap<>();
        FraudCategory.<FraudCategory>listAll().forEach(category -> categories.put(category.code, category.active));
        Map<String, Granularity> forms = expectations.forms();
        List<Row> checked = new ArrayList<>();
        BulkRows.Sink sink = new BulkRows.Sink() {
            @Override
            public void row(long index, Long line, Map<String, String> cells) {
                if (index >= MAX_ROWS) {
                    throw ProblemException.badRequest("case-report.too-many-rows", "A push holds at most " + MAX_ROWS
                            + " rows; split the file.");
                }
                request.progress().rowsRead(index + 1);
                Row row = check(index, line, cells, request, categories, forms, conflicts);
                if (row != null) {
                    checked.add(row);
                }
            }

            @Override
            public void refused(BulkConflict conflict) {
                conflicts.add(conflict);
            }
        };
        rows.read(request.body(), request.format(), LAYOUT, sink);
        Set<String> known = regions.known(checked.stream().map(row -> row.key().regionCode()).distinct().toList());
        List<Row> usable = new ArrayList<>();
        Map<ReportKey, Long> firstIndex = new HashMap<>();
        for (Row row : checked) {
            if (!known.contains(row.key().regionCode())) {
                conflicts.add(conflict(row, "region.unknown", "regionCode", "Region " + row.key().regionCode()
                        + " does not exist (or no longer does)."));
            } else if (firstIndex.putIfAbsent(row.key(), row.index()) != null) {
                conflicts.add(conflict(row, "case-report.duplicate", null, "Row " + firstIndex.get(row.key())
                        + " has the same region, period and category."));
            } else {
                usable.add(row);
            }
        }
        Session session = em.unwrap(Session.class);
        long ignored = 0;
        List<Change> changes = new ArrayList<>();
        // The stored reports are looked up a slice at a time: only what changes is kept for the whole push.
        for (int from = 0; from < usable.size(); from += BATCH) {
            List<Row> slice = usable.subList(from, Math.min(usable.size(), from + BATCH));
            Map<ReportKey, Stored> stored = session.doReturningWork(connection -> stored(connection, slice));
            for (Row row : slice) {
                Stored current = stored.get(row.key());
                switch (request.strategy()) {
                    case DELETE -> {
                        if (current == null) {
                            ignored++;
                        } else {
                            changes.add(new Change(row, "DELETED", current.figures(), null, current.version() + 1));
                        }
                    }
                    case CREATE -> {
                        if (current != null) {
                            conflicts.add(conflict(row, "case-report.exists", null, "A report for " + row.key()
                                    + " exists; push it with importStrategy UPDATE or CREATE_AND_UPDATE."));
                        } else {
                            changes.add(new Change(row, "CREATED", null, row.figures(), 0));
                        }
                    }
                    case UPDATE, CREATE_AND_UPDATE -> {
                        if (current == null && request.strategy() == ImportStrategy.UPDATE) {
                            conflicts.add(conflict(row, "case-report.not-found", null, "No report for " + row.key()
                                    + " to update."));
                        } else if (current == null) {
                            changes.add(new Change(row, "CREATED", null, row.figures(), 0));
                        } else {
                            CaseFigures merged = merge(current.figures(), row.figures());
                            if (merged.equals(current.figures())) {
                                ignored++;
                            } else {
                                changes.add(new Change(row, "UPDATED", current.figures(), merged, current.version() + 1));
                            }
                        }
                    }
                }
            }
        }
        BulkConflicts warnings = new BulkConflicts();
        Map<Change, String> warned = session.doReturningWork(connection -> implausible(connection, changes));
        warned.forEach((change, reason) -> warnings.add(new BulkConflict(change.row().index(), change.row().line(),
                change.row().key().toString(), "case-report.implausible", reason.substring(0, reason.indexOf(' ')), reason)));
        boolean refused = request.atomic() && conflicts.count() > 0;
        if (!request.dryRun() && !refused && !changes.isEmpty()) {
            write(session, changes, warned, request.user(), request.importId());
        }
        BulkAnswer.Status status = refused ? BulkAnswer.Status.ERROR
                : conflicts.count() > 0 ? BulkAnswer.Status.WARNING : BulkAnswer.Status.SUCCESS;
        if (refused) {
            return new BulkAnswer(status, 0, 0, 0, 0, conflicts.count(), conflicts.listed(), warnings.listed());
        }
        if (status == BulkAnswer.Status.SUCCESS && warnings.count() > 0) {
            status = BulkAnswer.Status.WARNING;
        }
        return new BulkAnswer(status, count(changes, "CREATED"), count(changes, "UPDATED"), ignored,
                count(changes, "DELETED"), conflicts.count(), conflicts.listed(), warnings.listed());
    }

    /** The changes whose new figures look implausible (Plausibility), with why. */
    private static Map<Change, String> implausible(Connection connection, List<Change> changes) throws SQLException {
        List<Change> written = changes.stream().filter(change -> change.after() != null).toList();
        String[] reasons = Plausibility.warnings(connection, written.stream().map(change -> change.row().key()).toList(),
                written.stream().map(Change::after).toList());
        Map<Change, String> warned = new HashMap<>();
        for (int i = 0; i < written.size(); i++) {
            if (reasons[i] != null) {
                warned.put(written.get(i), reasons[i]);
            }
        }
        return warned;
    }

    /** The row's key and figures, or null with its conflict added. */
    private static Row check(long index, Long line, Map<String, String> cells, Request request,
            Map<String, Boolean> categories, Map<String, Granularity> forms, BulkConflicts conflicts) {
        String region = cells.get("regionCode");
        String id = String.join("/", String.valueOf(region), String.valueOf(cells.get("period")),
                String.valueOf(cells.get("category")));
        Function<String[], Row> refuse = reason -> {
            conflicts.add(new BulkConflict(index, line, id, reason[0], reason[1], reason[2]));
            return null;
        };
        if (region == null || !RegionCode.isValid(region)) {
            return refuse.apply(new String[] { "request.invalid", "regionCode", RegionCode.MESSAGE });
        }
        if (!RegionCode.parse(region).isWithin(request.scopePrefix().isEmpty() ? RegionCode.NATIONAL : request.scopePrefix())) {
            return refuse.apply(new String[] { "scope.forbidden", "regionCode",
                    "Region " + region + " is outside your scope." });
        }
        Period period;
        try {
            period = Period.parse(cells.get("period"));
        } catch (PeriodFormatException e) {
            return refuse.apply(new String[] { "period.invalid", "period", e.getMessage() });
        }
        Optional<Granularity> form = ExpectationService.formOf(forms, region);
        if (form.isPresent() && form.get() != period.granularity()) {
            return refuse.apply(new String[] { "period.form", "period", "Region " + region + " reports in "
                    + form.get() + " periods, not " + period.granularity() + " (its reporting expectation)." });
        }
        String category = cells.get("category");
        if (category == null || !categories.containsKey(category)) {
            return refuse.apply(new String[] { "category.unknown", "category",
                    "No fraud category " + category + " in the catalogue (GET /api/v1/fraud-categories)." });
        }
        if (!categories.get(category)) {
            return refuse.apply(new String[] { "category.inactive", "category", "Fraud category " + category
                    + " is no longer used." });
        }
        Object[] values = new Object[FIGURES.size()];
        for (int i = 0; i < FIGURES.size(); i++) {
            String name = FIGURES.get(i);
            String text = cells.get(name);
            if (text == null) {
                continue;
            }
            try {
                values[i] = LAYOUT.amounts().contains(name) ? Money.parse(text).amount() : count(text);
            } catch (IllegalArgumentException e) {
                return refuse.apply(new String[] { "request.invalid", name, e.getMessage() });
            }
        }
        CaseFigures figures = new CaseFigures((Integer) values[0], (BigDecimal) values[1], (Integer) values[2],
                (Integer) values[3], (Integer) values[4], (BigDecimal) values[5], (BigDecimal) values[6]);
        if (request.strategy() != ImportStrategy.DELETE && figures.equals(CaseFigures.NONE)) {
            return refuse.apply(new String[] { "case-report.figures-missing", null,
                    "The row reports no figure; give at least one of " + String.join(", ", FIGURES) + "." });
        }
        return new Row(index, line, new ReportKey(region, period.toString(), category), figures);
    }

    private static Integer count(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 0 && value <= MAX_COUNT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("must be a whole number from 0 to " + MAX_COUNT);
    }

    /** A figure the row leaves out keeps its stored value: a court's push leaves the police's counts alone. */
    private static CaseFigures merge(CaseFigures stored, CaseFigures pushed) {
        return new CaseFigures(or(pushed.cases(), stored.cases()), or(pushed.loss(), stored.loss()),
                or(pushed.casesConcluded(), stored.casesConcluded()), or(pushed.defendants(), stored.defendants()),
                or(pushed.heavySentences(), stored.heavySentences()), or(pushed.restitution(), stored.restitution()),
                or(pushed.fines(), stored.fines()));
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    private static BulkConflict conflict(Row row, String code, String field, String message) {
        return new BulkConflict(row.index(), row.line(), row.key().toString(), code, field, message);
    }

    private static long count(List<Change> changes, String action) {
        return changes.stream().filter(change -> change.action().equals(action)).count();
    }

    /** The stored reports of these rows' keys, in one query. */
    private static Map<ReportKey, Stored> stored(Connection connection, List<Row> rows) throws SQLException {
        Map<ReportKey, Stored> stored = new HashMap<>();
        if (rows.isEmpty()) {
            return stored;
        }
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT r.region_code, r.period, r.category, r.cases, r.loss, r.cases_concluded, r.defendants,
                       r.heavy_sentences, r.restitution, r.fines, r.version
                FROM case_report r
                JOIN unnest(?::text[], ?::text[], ?::text[]) AS k(region_code, period, category)
                  ON r.region_code = k.region_code AND r.period = k.period AND r.category = k.category""")) {
            query.setArray(1, connection.createArrayOf("text", rows.stream().map(row -> row.key().regionCode()).toArray()));
            query.setArray(2, connection.createArrayOf("text", rows.stream().map(row -> row.key().period()).toArray()));
            query.setArray(3, connection.createArrayOf("text", rows.stream().map(row -> row.key().category()).toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    stored.put(new ReportKey(result.getString(1), result.getString(2), result.getString(3)),
                            new Stored(new CaseFigures(integer(result, 4), result.getBigDecimal(5), integer(result, 6),
                                    integer(result, 7), integer(result, 8), result.getBigDecimal(9),
                                    result.getBigDecimal(10)), result.getLong(11)));
                }
            }
        }
        return stored;
    }

    private static Integer integer(ResultSet result, int column) throws SQLException {
        int value = result.getInt(column);
        return result.wasNull() ? null : value;
    }

    /** The changes as three JDBC batches and one of audit rows, then one event each through the outbox. */
    private void write(Session session, List<Change> changes, Map<Change, String> warned, String user, UUID importId) {
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO case_report (cases, loss, cases_concluded, defendants, heavy_sentences, restitution, fines,
                        updated_by, updated_at, version, warning, region_code, period, category, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                    PreparedStatement update = connection.prepareStatement("""
                    UPDATE case_report SET cases = ?, loss = ?, cases_concluded = ?, defendants = ?, heavy_sentences = ?,
                        restitution = ?, fines = ?, updated_by = ?, updated_at = ?, version = ?, warning = ?
                    WHERE region_code = ? AND period = ? AND category = ?""");
                    PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM case_report WHERE region_code = ? AND period = ? AND category = ?");
                    PreparedStatement audit = connection.prepareStatement("""
                    INSERT INTO case_report_audit (region_code, period, category, action, old_values, new_values,
                        changed_by, changed_at, import_id, version) VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)""")) {
                int batched = 0;
                for (Change change : changes) {
                    ReportKey key = change.row().key();
                    if (change.action().equals("DELETED")) {
                        bindKey(delete, 1, key);
                        delete.addBatch();
                    } else {
                        PreparedStatement target = change.action().equals("CREATED") ? insert : update;
                        bindFigures(target, change.after());
                        target.setString(8, user);
                        target.setObject(9, now);
                        target.setLong(10, change.version());
                        target.setString(11, warned.get(change));
                        bindKey(target, 12, key);
                        if (target == insert) {
                            insert.setObject(15, now);
                            insert.setString(16, user);
                        }
                        target.addBatch();
                    }
                    bindKey(audit, 1, key);
                    audit.setString(4, change.action());
                    audit.setString(5, asJson(change.before()));
                    audit.setString(6, asJson(change.after()));
                    audit.setString(7, user);
                    audit.setObject(8, now);
                    audit.setObject(9, importId);
                    audit.setLong(10, change.version());
                    audit.addBatch();
                    if (++batched == BATCH) {
                        executeBatches(insert, update, delete, audit);
                        batched = 0;
                    }
                }
                executeBatches(insert, update, delete, audit);
            }
        });
        // One statement per kind of change, from the audit rows just written: 100,000 events one publish at a time
        // held every outbox entity in the session until the commit (docs/benchmarks.md, "Case-report push").
        announce(importId, "CREATED", EventTypes.CASE_REPORT_CREATED);
        announce(importId, "UPDATED", EventTypes.CASE_REPORT_UPDATED);
        announce(importId, "DELETED", EventTypes.CASE_REPORT_DELETED);
    }

    /** The payload is CaseReportData's JSON; the key the county of the region, or the whole code above it. */
    private void announce(UUID importId, String action, String type) {
        outbox.publishAll(Topics.CASE_STATS, type, """
                SELECT CASE WHEN length(region_code) > 6 THEN left(region_code, 6) ELSE region_code END AS event_key,
                       region_code || '/' || period || '/' || category AS subject,
                       jsonb_build_object('regionCode', region_code, 'period', period, 'category', category,
                           'figures', new_values, 'previous', old_values, 'changedBy', changed_by,
                           'importId', import_id, 'version', version) AS payload
                FROM case_report_audit WHERE import_id = '%s' AND action = '%s' ORDER BY id""".formatted(importId, action));
    }

    private static void executeBatches(PreparedStatement... statements) throws SQLException {
        for (PreparedStatement statement : statements) {
            statement.executeBatch();
        }
    }

    private static void bindKey(PreparedStatement statement, int first, ReportKey key) throws SQLException {
        statement.setString(first, key.regionCode());
        statement.setString(first + 1, key.period());
        statement.setString(first + 2, key.category());
    }

    private static void bindFigures(PreparedStatement statement, CaseFigures figures) throws SQLException {
        Object[] values = { figures.cases(), figures.loss(), figures.casesConcluded(), figures.defendants(),
            figures.heavySentences(), figures.restitution(), figures.fines() };
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, SQL_TYPES[i]);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }

    private String asJson(CaseFigures figures) {
        try {
            return figures == null ? null : json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Figures are always JSON", e);
        }
    }
}
