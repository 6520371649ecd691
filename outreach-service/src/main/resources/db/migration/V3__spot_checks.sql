-- Spot checks (抽查回访, docs/outreach.md): a sample of household visits drawn for a subtree and period, reproducible
-- from its seed, and each revisit's result.
CREATE TABLE spot_check (
    id                  UUID         PRIMARY KEY,
    region_code         VARCHAR(15)  NOT NULL,
    period              VARCHAR(10)  NOT NULL,
    percent             INTEGER      NOT NULL CHECK (percent BETWEEN 1 AND 100),
    minimum_per_village INTEGER      NOT NULL CHECK (minimum_per_village >= 0),
    minimum_per_worker  INTEGER      NOT NULL CHECK (minimum_per_worker >= 0),
    seed                BIGINT       NOT NULL,
    candidates          INTEGER      NOT NULL,
    drawn_by            VARCHAR(255) NOT NULL,
    drawn_at            TIMESTAMPTZ  NOT NULL
);
CREATE INDEX spot_check_region ON spot_check (region_code varchar_pattern_ops, drawn_at);

CREATE TABLE spot_check_item (
    spot_check_id UUID         NOT NULL REFERENCES spot_check (id),
    record_id     UUID         NOT NULL REFERENCES outreach_record (id),
    region_code   VARCHAR(15)  NOT NULL,
    worker        VARCHAR(255) NOT NULL,
    rank          VARCHAR(64)  NOT NULL,
    result        VARCHAR(20),
    note          VARCHAR(2000),
    checked_by    VARCHAR(255),
    checked_at    TIMESTAMPTZ,
    PRIMARY KEY (spot_check_id, record_id)
);
CREATE INDEX spot_check_item_record ON spot_check_item (record_id);
CREATE INDEX spot_check_item_region ON spot_check_item (region_code varchar_pattern_ops) WHERE result IS NOT NULL;
