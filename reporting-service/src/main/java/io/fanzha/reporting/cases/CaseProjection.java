package io.fanzha.reporting.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

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
        try (PreparedStatement report = connection.prepareStatement("""
                INSERT INTO case_report (region_code, period, category, week_start, cases, loss, deleted, version, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (region_code, period, category) DO UPDATE SET cases = EXCLUDED.cases, loss = EXCLUDED.loss,
                    deleted = EXCLUDED.deleted, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
                WHERE case_report.version < EXCLUDED.version OR case_report.deleted""");
                PreparedStatement receipt = connection.prepareStatement("""
                        INSERT INTO case_report_receipt (region_code, week_start, reporter, received_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (region_code, week_start, reporter) DO UPDATE
                        SET received_at = least(case_report_receipt.received_at, EXCLUDED.received_at)""");
                PreparedStatement category = connection.prepareStatement("""
                        INSERT INTO fraud_category (code, name_zh, name_en, version) VALUES (?, ?, ?, ?)
                        ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                            version = EXCLUDED.version
                        WHERE fraud_category.version < EXCLUDED.version""");
                PreparedStatement expectation = connection.prepareStatement("""
                        INSERT INTO expectation (id, region_code, level, granularity, reporter, deadline_days, deleted, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET region_code = EXCLUDED.region_code, level = EXCLUDED.level,
                            granularity = EXCLUDED.granularity, reporter = EXCLUDED.reporter,
                            deadline_days = EXCLUDED.deadline_days, deleted = EXCLUDED.deleted, version = EXCLUDED.version
                        WHERE expectation.version < EXCLUDED.version""")) {
            boolean reports = false;
            boolean receipts = false;
            boolean categories = false;
            boolean expectations = false;
            for (CloudEvent event : events) {
                switch (event.type()) {
                    case EventTypes.CASE_REPORT_CREATED, EventTypes.CASE_REPORT_UPDATED, EventTypes.CASE_REPORT_DELETED -> {
                        CaseReportData data = event.dataAs(CaseReportData.class, mapper);
                        boolean deleted = event.type().equals(EventTypes.CASE_REPORT_DELETED) || data.figures() == null;
                        CaseFigures figures = deleted ? CaseFigures.NONE : data.figures();
                        Period period = Period.parse(data.period());
                        boolean weekly = period.granularity() == Granularity.WEEK;
                        report.setString(1, data.regionCode());
                        report.setString(2, data.period());
                        report.setString(3, data.category());
                        report.setObject(4, weekly ? period.start() : null);
                        Sql.setInt(report, 5, figures.cases());
                        report.setBigDecimal(6, figures.loss());
                        report.setBoolean(7, deleted);
                        report.setLong(8, data.version());
                        report.setObject(9, event.time());
                        report.addBatch();
                        reports = true;
                        if (weekly && !deleted) {
                            receipt.setString(1, data.regionCode());
                            receipt.setObject(2, period.start());
                            receipt.setString(3, data.changedBy() == null ? "" : data.changedBy());
                            receipt.setObject(4, event.time());
                            receipt.addBatch();
                            receipts = true;
                        }
                    }
                    case EventTypes.FRAUD_CATEGORY_CREATED, EventTypes.FRAUD_CATEGORY_UPDATED -> {
                        FraudCategoryData data = event.dataAs(FraudCategoryData.class, mapper);
                        category.setString(1, data.code());
                        category.setString(2, data.nameZh());
                        category.setString(3, data.nameEn());
                        category.setLong(4, data.version());
                        category.addBatch();
                        categories = true;
                    }
                    case EventTypes.EXPECTATION_CREATED, EventTypes.EXPECTATION_UPDATED, EventTypes.EXPECTATION_DELETED -> {
                        ExpectationData data = event.dataAs(ExpectationData.class, mapper);
                        expectation.setObject(1, data.id());
                        expectation.setString(2, data.regionCode());
                        expectation.setString(3, data.level());
                        expectation.setString(4, data.granularity());
                        expectation.setString(5, data.reporter());
                        expectation.setInt(6, data.deadlineDays());
                        expectation.setBoolean(7, event.type().equals(EventTypes.EXPECTATION_DELETED));
                        expectation.setLong(8, data.version());
                        expectation.addBatch();
                        expectations = true;
                    }
                    default -> {
                    }
                }
            }
            Sql.flush(report, reports);
            Sql.flush(receipt, receipts);
            Sql.flush(category, categories);
            Sql.flush(expectation, expectations);
        }
    }
}
