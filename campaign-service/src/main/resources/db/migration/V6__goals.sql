-- The goals of campaigns (docs/campaigns.md, "Goals"): which fields are set follows from the metric.
CREATE TABLE goal (
    id                    UUID        PRIMARY KEY,
    campaign_id           UUID        NOT NULL REFERENCES campaign (id),
    metric                VARCHAR(20) NOT NULL,
    categories            TEXT[]      NOT NULL,
    region_code           VARCHAR(15) NOT NULL REFERENCES region (code),
    period                VARCHAR(10),
    deadline              DATE,
    target_change_percent INTEGER,
    target_percent        INTEGER,
    target_count          INTEGER,
    outreach_kinds        TEXT[]      NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    version               BIGINT      NOT NULL
);
CREATE INDEX goal_campaign ON goal (campaign_id);
