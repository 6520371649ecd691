package io.fanzha.campaign.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.bulk.BulkAnswer;
import io.fanzha.platform.bulk.BulkConflict;
import io.fanzha.platform.bulk.BulkRows;
import io.fanzha.platform.bulk.BulkConflicts;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.region.RegionLevel;

/**
 * Imports a region file of any size (docs/regions.md, "Bulk import") in one transaction, as sets rather than rows:
 * each row is checked as it is read (the same rules as a single create) and streamed into a temporary table with
 * PostgreSQL's COPY; duplicate codes and missing parents are then found, new and changed regions written, and
 * their events added to the outbox, each by one statement. Rows may come in any order. An empty cell keeps the
 * stored value. {@code dryRun} and a refused {@code atomic} import roll the transaction back.
 */
@ApplicationScoped
public class RegionImport {

    private static final Logger LOG = Logger.getLogger(RegionImport.class);
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema STAGED = CsvSchema.builder()
            .addColumn("idx").addColumn("line").addColumn("code").addColumn("name").addColumn("parent_code")
            .addColumn("level").addColumn("path").addColumn("event_key").addColumn("households").addColumn("population")
            .build().withNullValue("");
    private static final String REGION_JSON = """
            jsonb_build_object('code', r.code, 'name', r.name, 'parentCode', r.parent_code, 'level', r.level,
                'path', r.path, 'residentHouseholds', r.resident_households, 'population', r.population,
                'version', r.version)""";

    @Inject
    EntityManager em;

    @Inject
    Validator validator;

    @Inject
    Outbox outbox;

    @Inject
    TransactionManager transactions;

    @Inject
    BulkRows rows;

    /** A region file: CSV with this header (code and name required), or JSON {"regions": [...]}. */
    static final BulkRows.Layout LAYOUT = new BulkRows.Layout("regions",
            List.of("code", "name", "parentCode", "residentHouseholds", "population"), Set.of("code", "name"),
            Set.of("residentHouseholds", "population"), Set.of(), "code");

    /** What to import: how the body is read, and where the caller may write ("" for everywhere). */
    public record Request(InputStream body, boolean csv, String scopePrefix, boolean dryRun, boolean atomic) {
    }

    @Transactional
    public BulkAnswer run(Request request) {
        BulkConflicts conflicts = new BulkConflicts();
        Session session = em.unwrap(Session.class);
        long[] phases = new long[5];
        phases[0] = System.nanoTime();
        session.doWork(connection -> {
            stage(connection, request, conflicts);
            phases[1] = System.nanoTime();
            refuseInTable(connection, conflicts);
            phases[2] = System.nanoTime();
            write(connection);
            phases[3] = System.nanoTime();
        });
        announce("IMPORTED", EventTypes.REGION_CREATED);
        announce("UPDATED", EventTypes.REGION_UPDATED);
        Map<String, Long> outcomes = session.doReturningWork(RegionImport::outcomes);
        phases[4] = System.nanoTime();
        LOG.infof("Region import: %s, %d conflicts; read, checked and copied in %.1f s, checked as a whole in %.1f s, "
                + "written in %.1f s, announced in %.1f s%s", outcomes, conflicts.count(), (phases[1] - phases[0]) / 1e9,
                (phases[2] - phases[1]) / 1e9, (phases[3] - phases[2]) / 1e9, (phases[4] - phases[3]) / 1e9,
                request.dryRun() ? " (dry run, rolled back)" : "");
        boolean refused = request.atomic() && conflicts.count() > 0;
        if (request.dryRun() || refused) {
            rollback();
        }
        BulkAnswer.Status status = refused ? BulkAnswer.Status.ERROR
                : conflicts.count() > 0 ? BulkAnswer.Status.WARNING : BulkAnswer.Status.SUCCESS;
        long imported = refused ? 0 : outcomes.getOrDefault("IMPORTED", 0L);
        long updated = refused ? 0 : outcomes.getOrDefault("UPDATED", 0L);
        long ignored = refused ? 0 : outcomes.getOrDefault("IGNORED", 0L);
        return new BulkAnswer(status, imported, updated, ignored, 0, conflicts.count(), conflicts.listed(), List.of());
    }

    /** One event per region of this outcome, parents first: a consumer that meets a village has met its township. */
    private void announce(String outcome, String type) {
        outbox.publishAll(Topics.CAMPAIGN, type, """
                SELECT i.event_key, r.code AS subject, %s AS payload
                FROM region_outcome i JOIN region r ON r.code = i.code
                WHERE i.outcome = '%s' ORDER BY length(r.code), r.code""".formatted(REGION_JSON, outcome));
    }

    /** Reads, checks and COPYs every row into region_import; refused rows become conflicts. */
    private void stage(Connection connection, Request request, BulkConflicts conflicts) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("""
                    CREATE TEMP TABLE region_import (idx bigint, line bigint, code varchar(15), name varchar(100),
                        parent_code varchar(15), level varchar(10), path varchar(80), event_key varchar(15),
                        households integer, population integer) ON COMMIT DROP""");
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        try (PGCopyOutputStream copy = new PGCopyOutputStream(postgres,
                "COPY region_import (idx, line, code, name, parent_code, level, path, event_key, households, population) "
                        + "FROM STDIN (FORMAT csv)", 1 << 16);
                // Not flushed per row: each flush of the COPY stream is a round trip to PostgreSQL
                // (665,000 rows: 9.4 s with, 4.8 s without; docs/benchmarks.md).
                SequenceWriter staged = CSV.writer(STAGED).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                        .writeValues(copy)) {
            BulkRows.Sink sink = new BulkRows.Sink() {
                @Override
                public void row(long index, Long line, Map<String, String> cells) {
                    Object[] checked = check(index, line, cells, request.scopePrefix(), conflicts);
                    if (checked != null) {
                        try {
                            staged.write(checked);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }

                @Override
                public void refused(BulkConflict conflict) {
                    conflicts.add(conflict);
                }
            };
            if (request.csv()) {
                rows.readCsv(request.body(), LAYOUT, sink);
            } else {
                rows.readJson(request.body(), LAYOUT, sink);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new SQLException("Staging the import failed", e);
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE INDEX ON region_import (code)");
            sql.execute("ANALYZE region_import");
        }
    }

    /**
     * One row as a staged record, or null when it is refused: the rules of a single create (a region code, the
     * bureau's padded form read unpadded; a visible name of at most 100 characters; counts of at least 0; a
     * parentCode, if given, that is the code's parent), and inside the caller's scope.
     */
    private Object[] check(long index, Long line, Map<String, String> cells, String scopePrefix,
            BulkConflicts conflicts) {
        String given = cells.get("code");
        BiConsumer<String, String> refuse = (field, message) -> conflicts.add(new BulkConflict(index, line, given,
                "parentCode".equals(field) ? "region.parent-mismatch" : "request.invalid", field, message));
        RegionCode code;
        try {
            code = RegionCode.unpad(given);
        } catch (IllegalArgumentException e) {
            refuse.accept("code", e.getMessage());
            return null;
        }
        Integer[] counts = new Integer[2];
        List<String> countFields = List.of("residentHouseholds", "population");
        for (int i = 0; i < counts.length; i++) {
            try {
                counts[i] = count(cells.get(countFields.get(i)));
            } catch (NumberFormatException e) {
                conflicts.add(new BulkConflict(index, line, given, "request.malformed", countFields.get(i),
                        "must be a whole number from 0 to " + Integer.MAX_VALUE));
                return null;
            }
        }
        Integer households = counts[0];
        Integer population = counts[1];
        String name = cells.get("name") == null ? null : cells.get("name").strip();
        RegionRequest region = new RegionRequest(code.value(), name, null, households, population);
        for (ConstraintViolation<RegionRequest> violation : validator.validate(region)) {
            String field = violation.getPropertyPath().toString();
            if (!(field.equals("name") && name == null)) { // an empty name keeps a stored region's name
                refuse.accept(field, violation.getMessage());
                return null;
            }
        }
        String parent = code.parent().map(RegionCode::value).orElse(null);
        String givenParent = cells.get("parentCode");
        if (givenParent != null && !givenParent.equals(parent) && !unpaddedEquals(givenParent, parent)) {
            refuse.accept("parentCode", "The parent of " + code + " is " + parent + ", not " + givenParent + ".");
            return null;
        }
        if (!code.value().startsWith(scopePrefix)) {
            conflicts.add(new BulkConflict(index, line, given, "scope.forbidden", "code",
                    "Region " + code + " is outside your scope."));
            return null;
        }
        return new Object[] {index, line, code.value(), name, parent, code.level().name(), code.path(),
            code.eventKey().value(), households, population};
    }

    private static boolean unpaddedEquals(String givenParent, String parent) {
        try {
            return RegionCode.unpad(givenParent).value().equals(parent);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A count cell: empty is null (unknown, or keep the stored value); else ASCII digits. */
    private static Integer count(String cell) {
        if (cell == null) {
            return null;
        }
        String text = cell.strip();
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || Long.parseLong(text) > Integer.MAX_VALUE) {
            throw new NumberFormatException(cell);
        }
        return Integer.parseInt(text);
    }

    /**
     * The refusals only the whole file shows: a code that came before (the first one is imported), a new region
     * without a name, and a region below the county whose parent is neither stored nor imported (level by level,
     * so a refused township takes its villages with it).
     */
    private static void refuseInTable(Connection connection, BulkConflicts conflicts) throws SQLException {
        refuse(connection, conflicts, """
                DELETE FROM region_import i USING (SELECT idx, row_number() OVER (PARTITION BY code ORDER BY idx) AS n
                                                   FROM region_import) d
                WHERE i.idx = d.idx AND d.n > 1 RETURNING i.idx, i.line, i.code""",
                "import.duplicate", "code", "The code appears earlier in the file; the first row is imported.");
        refuse(connection, conflicts, """
                DELETE FROM region_import i WHERE i.name IS NULL AND NOT EXISTS (SELECT 1 FROM region r WHERE r.code = i.code)
                RETURNING i.idx, i.line, i.code""",
                "request.invalid", "name", "A new region needs a name.");
        for (RegionLevel level : List.of(RegionLevel.TOWNSHIP, RegionLevel.VILLAGE, RegionLevel.GRID)) {
            refuse(connection, conflicts, """
                    DELETE FROM region_import i WHERE i.level = '%s'
                      AND NOT EXISTS (SELECT 1 FROM region r WHERE r.code = i.parent_code)
                      AND NOT EXISTS (SELECT 1 FROM region_import p WHERE p.code = i.parent_code)
                    RETURNING i.idx, i.line, i.code""".formatted(level.name()),
                    "region.parent-unknown", "parentCode",
                    "The parent region is neither stored nor (validly) in the file.");
        }
    }

    private static void refuse(Connection connection, BulkConflicts conflicts, String sql, String code, String field,
            String message) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet refused = statement.executeQuery(sql)) {
            while (refused.next()) {
                long line = refused.getLong(2);
                conflicts.add(new BulkConflict(refused.getLong(1), refused.wasNull() ? null : line, refused.getString(3),
                        code, field, message));
            }
        }
    }

    /** Writes the new and the changed regions. */
    private static void write(Connection connection) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        // A new table rather than an UPDATE of every staged row, which would write each row twice.
        try (Statement sql = connection.createStatement()) {
            sql.execute("""
                    CREATE TEMP TABLE region_outcome ON COMMIT DROP AS
                    SELECT i.*, CASE
                        WHEN r.code IS NULL THEN 'IMPORTED'
                        WHEN (i.name IS NOT NULL AND i.name <> r.name)
                          OR (i.households IS NOT NULL AND i.households IS DISTINCT FROM r.resident_households)
                          OR (i.population IS NOT NULL AND i.population IS DISTINCT FROM r.population) THEN 'UPDATED'
                        ELSE 'IGNORED' END AS outcome
                    FROM region_import i LEFT JOIN region r ON r.code = i.code""");
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO region (code, name, parent_code, level, path, resident_households, population,
                                    created_at, updated_at, version)
                SELECT code, name, parent_code, level, path, households, population, ?, ?, 0
                FROM region_outcome WHERE outcome = 'IMPORTED'""");
                PreparedStatement update = connection.prepareStatement("""
                UPDATE region r SET name = coalesce(i.name, r.name),
                    resident_households = coalesce(i.households, r.resident_households),
                    population = coalesce(i.population, r.population), updated_at = ?, version = r.version + 1
                FROM region_outcome i WHERE i.code = r.code AND i.outcome = 'UPDATED'""");
                // A code deleted once and imported again exists again.
                PreparedStatement revive = connection.prepareStatement("""
                DELETE FROM tombstone t USING region_outcome i
                WHERE t.kind = ? AND t.id = i.code AND i.outcome = 'IMPORTED'""")) {
            insert.setObject(1, now);
            insert.setObject(2, now);
            insert.executeUpdate();
            update.setObject(1, now);
            update.executeUpdate();
            revive.setString(1, Region.KIND);
            revive.executeUpdate();
        }
    }

    /** How many of the rows that were not refused were imported, updated and ignored. */
    private static Map<String, Long> outcomes(Connection connection) throws SQLException {
        Map<String, Long> outcomes = new HashMap<>();
        try (Statement sql = connection.createStatement();
                ResultSet counts = sql.executeQuery("SELECT outcome, count(*) FROM region_outcome GROUP BY outcome")) {
            while (counts.next()) {
                outcomes.put(counts.getString(1), counts.getLong(2));
            }
        }
        return outcomes;
    }

    private void rollback() {
        try {
            transactions.setRollbackOnly();
        } catch (jakarta.transaction.SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
