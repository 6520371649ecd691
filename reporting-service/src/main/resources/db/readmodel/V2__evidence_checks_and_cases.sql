-- What assessment, trace-back and effectiveness read beside the first tables (docs/reports.md). A new model version:
-- a service that finds its active generation older builds a new one from the topics at startup.

-- Who logged a record, whether it was voided and what its review says: evidence quality is scored from these.
ALTER TABLE outreach ADD COLUMN worker VARCHAR(100), ADD COLUMN review_state VARCHAR(20),
    ADD COLUMN voided BOOLEAN NOT NULL DEFAULT false;
-- The records a review found fault with (few): an assessment reads them beside the flagged and denied ones.
CREATE INDEX outreach_review_finding ON outreach (region_code varchar_pattern_ops, occurred_on)
    WHERE review_state IN ('HAS_ISSUES', 'REJECTED') AND NOT voided;

-- A record whose file (by SHA-256) is also on another household's or another day's record. Flags stay once raised.
CREATE TABLE evidence_flag (
    record_id   UUID         NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    reason      VARCHAR(30)  NOT NULL,
    shared_with UUID[]       NOT NULL,
    flagged_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (record_id, sha256)
);

-- What the revisit of a sampled visit found; a later result of the same spot check and record replaces the earlier.
CREATE TABLE spot_check_result (
    spot_check_id UUID         NOT NULL,
    record_id     UUID         NOT NULL,
    result        VARCHAR(20)  NOT NULL,
    checked_by    VARCHAR(100),
    checked_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (spot_check_id, record_id)
);
CREATE INDEX spot_check_result_record ON spot_check_result (record_id);

-- Anonymized fraud cases; village_code is the village of a region code at village level or below (null above it).
CREATE TABLE case_record (
    id            UUID          PRIMARY KEY,
    occurred_on   DATE          NOT NULL,
    region_code   VARCHAR(15)   NOT NULL,
    village_code  VARCHAR(12),
    category      VARCHAR(40)   NOT NULL,
    loss          NUMERIC(18,2),
    age_band      VARCHAR(20),
    target_group  VARCHAR(30),
    unit_id       UUID,
    household_ref VARCHAR(100),
    deleted       BOOLEAN       NOT NULL,
    version       BIGINT        NOT NULL,
    changed_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX case_record_region_day ON case_record (region_code varchar_pattern_ops, occurred_on) WHERE NOT deleted;
