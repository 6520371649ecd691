package io.fanzha.reporting.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.contracts.CaseFigures;
import io.fanzha.contracts.CaseReportData;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.ExpectationData;
import io.fanzha.contracts.FraudCategoryData;
import io.fanzha.platform.event.CloudEvent;
import io.fanzha.platform.period.Granularity;
import io.fanzha.platform.period.Period;
import io.fanzha.reporting.readmodel.Change;
import io.fanzha.reporting.readmodel.Projection;
import io.fanzha.reporting.readmodel.Sql;

/**
 * Case figures, the fraud-category catalogue and reporting expectations from {@code fanzha.casestats.v1}. A corrected
 * figure replaces the one before; a deleted one stays as a marked row, so that a bulletin can say when its week was
 * revised; a key reported again after its deletion takes the new figures whatever their version.
 */
@ApplicationScoped
public class CaseProjection implements Projection {

    @Inject
    ObjectMapper mapper;

    @Override
    public void apply(Connection connection, List<CloudEvent> events) throws SQLException {
        List<Change<CaseReportData>> reports = new ArrayList<>();
        Map<Receipt, OffsetDateTime> receipts = new LinkedHashMap<>();
        List<Change<FraudCategoryData>> categories = new ArrayList<>();
        List<Change<ExpectationData>> expectations = new ArrayList<>();
        for (CloudEvent event : events) {
            switch (event.type()) {
                case EventTypes.CASE_REPORT_CREATED, EventTypes.CASE_REPORT_UPDATED -> {
                    CaseReportData data = event.dataAs(CaseReportData.class, mapper);
                    reports.add(new Change<>(data, event));
                    LocalDate week = weekOf(data.period());
                    if (week != null && data.figures() != null) {
                        receipts.merge(new Receipt(data.regionCode(), week, data.changedBy() == null ? "" : data.changedBy()),
                                event.time(), (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
                case EventTypes.CASE_REPORT_DELETED -> {
                    // The changes before it go first: a key deleted and reported again within one batch ends up reported.
                    upsertReports(connection, reports);
                    reports.clear();
                    upsertReports(connection, List.of(new Change<>(event.dataAs(CaseReportData.class, mapper), event)));
                }
                case EventTypes.FRAUD_CATEGORY_CREATED, EventTypes.FRAUD_CATEGORY_UPDATED ->
                        categories.add(new Change<>(event.dataAs(FraudCategoryData.class, mapper), event));
                case EventTypes.EXPECTATION_CREATED, EventTypes.EXPECTATION_UPDATED, EventTypes.EXPECTATION_DELETED ->
                        expectations.add(new Change<>(event.dataAs(ExpectationData.class, mapper), event));
                default -> {
                }
            }
        }
        upsertReports(connection, reports);
        upsertReceipts(connection, receipts);
        upsertCategories(connection, categories);
        upsertExpectations(connection, expectations);
    }

    /** The Monday of a weekly report's week; null for the other period forms. */
    private static LocalDate weekOf(String period) {
        Period parsed = Period.parse(period);
        return parsed.granularity() == Granularity.WEEK ? parsed.start() : null;
    }

    private static void upsertReports(Connection connection, List<Change<CaseReportData>> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO case_report (region_code, period, category, week_start, cases, loss, deleted, version, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (region_code, period, category) DO UPDATE SET cases = EXCLUDED.cases, loss = EXCLUDED.loss,
                    deleted = EXCLUDED.deleted, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
                WHERE case_report.version < EXCLUDED.version OR case_report.deleted""")) {
            for (Change<CaseReportData> change : Sql.newestPerKey(changes,
                    c -> List.of(c.data().regionCode(), c.data().period(), c.data().category()), c -> c.data().version())) {
                CaseReportData report = change.data();
                boolean deleted = change.is(EventTypes.CASE_REPORT_DELETED) || report.figures() == null;
                CaseFigures figures = deleted ? CaseFigures.NONE : report.figures();
                upsert.setString(1, report.regionCode());
                upsert.setString(2, report.period());
                upsert.setString(3, report.category());
                upsert.setObject(4, weekOf(report.period()));
                Sql.setInt(upsert, 5, figures.cases());
                upsert.setBigDecimal(6, figures.loss());
                upsert.setBoolean(7, deleted);
                upsert.setLong(8, report.version());
                upsert.setObject(9, change.event().time());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** Who reported for a region and week: the first time each reporter did. */
    private record Receipt(String region, LocalDate week, String reporter) {
    }

    private static void upsertReceipts(Connection connection, Map<Receipt, OffsetDateTime> receipts) throws SQLException {
        if (receipts.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO case_report_receipt (region_code, week_start, reporter, received_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (region_code, week_start, reporter) DO UPDATE
                SET received_at = least(case_report_receipt.received_at, EXCLUDED.received_at)""")) {
            for (var receipt : receipts.entrySet()) {
                upsert.setString(1, receipt.getKey().region());
                upsert.setObject(2, receipt.getKey().week());
                upsert.setString(3, receipt.getKey().reporter());
                upsert.setObject(4, receipt.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void upsertCategories(Connection connection, List<Change<FraudCategoryData>> changes)
            throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO fraud_category (code, name_zh, name_en, version) VALUES (?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                    version = EXCLUDED.version
                WHERE fraud_category.version < EXCLUDED.version""")) {
            for (Change<FraudCategoryData> change : Sql.newestPerKey(changes, c -> c.data().code(),
                    c -> c.data().version())) {
                upsert.setString(1, change.data().code());
                upsert.setString(2, change.data().nameZh());
                upsert.setString(3, change.data().nameEn());
                upsert.setLong(4, change.data().version());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void upsertExpectations(Connection connection, List<Change<ExpectationData>> changes)
            throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO expectation (id, region_code, level, granularity, reporter, deadline_days, deleted, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET region_code = EXCLUDED.region_code, level = EXCLUDED.level,
                    granularity = EXCLUDED.granularity, reporter = EXCLUDED.reporter,
                    deadline_days = EXCLUDED.deadline_days, deleted = EXCLUDED.deleted, version = EXCLUDED.version
                WHERE expectation.version < EXCLUDED.version""")) {
            for (Change<ExpectationData> change : Sql.newestPerKey(changes, c -> c.data().id(), c -> c.data().version())) {
                ExpectationData expectation = change.data();
                upsert.setObject(1, expectation.id());
                upsert.setString(2, expectation.regionCode());
                upsert.setString(3, expectation.level());
                upsert.setString(4, expectation.granularity());
                upsert.setString(5, expectation.reporter());
                upsert.setInt(6, expectation.deadlineDays());
                upsert.setBoolean(7, change.is(EventTypes.EXPECTATION_DELETED));
                upsert.setLong(8, expectation.version());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }
}
