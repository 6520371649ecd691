-- The version a change gave its report, so that a push's events are written from its audit rows in one statement
-- (docs/benchmarks.md, "Case-report push"). Rows audited before this column existed had no version recorded: 0.
ALTER TABLE case_report_audit ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE case_report_audit ALTER COLUMN version DROP DEFAULT;
CREATE INDEX case_report_audit_import ON case_report_audit (import_id);
