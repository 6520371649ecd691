-- Why a report's figures look implausible against its region's history, when they do (docs/case-reports.md,
-- "Plausibility"): set or cleared by every push that changes the report; queryable.
ALTER TABLE case_report ADD COLUMN warning TEXT;
CREATE INDEX case_report_warned ON case_report (region_code varchar_pattern_ops) WHERE warning IS NOT NULL;
