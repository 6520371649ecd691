-- Who is expected to report what (docs/case-reports.md, "Completeness"): the regions of a level below a root, the
-- period form they report in, the reporter (a client or user), and the deadline in days after a period ends.
CREATE TABLE reporting_expectation (
    id            UUID        PRIMARY KEY,
    region_code   VARCHAR(15) NOT NULL,
    level         VARCHAR(10) NOT NULL,
    granularity   VARCHAR(10) NOT NULL,
    reporter      TEXT        NOT NULL,
    deadline_days INTEGER     NOT NULL CHECK (deadline_days BETWEEN 0 AND 90),
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL,
    UNIQUE (region_code, level, reporter)
);

-- Who first reported a key, and when: completeness counts a region as received by its expected reporter.
ALTER TABLE case_report ADD COLUMN created_by TEXT;
UPDATE case_report SET created_by = updated_by;
ALTER TABLE case_report ALTER COLUMN created_by SET NOT NULL;
CREATE INDEX case_report_period_region ON case_report (period, region_code);
