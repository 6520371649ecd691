-- Anonymized case records (docs/cases.md): one fraud case, for trace-back. No names, phone numbers or ID numbers:
-- the household reference is the opaque one of outreach, and the victim is an age band and a target group.
CREATE TABLE case_record (
    id            UUID          PRIMARY KEY,
    occurred_on   DATE          NOT NULL,
    region_code   VARCHAR(15)   NOT NULL,
    category      VARCHAR(50)   NOT NULL REFERENCES fraud_category (code),
    loss          NUMERIC(18,2) CHECK (loss >= 0),
    age_band      VARCHAR(20),
    target_group  VARCHAR(30),
    unit_id       UUID,
    household_ref VARCHAR(40),
    recorded_by   TEXT          NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL,
    version       BIGINT        NOT NULL
);
CREATE INDEX case_record_region_prefix ON case_record (region_code varchar_pattern_ops);
CREATE INDEX case_record_occurred ON case_record (occurred_on);
