-- The tasks of campaigns (docs/campaigns.md, "Tasks"): the plan; reporting-service computes their progress.
CREATE TABLE task (
    id                     UUID         PRIMARY KEY,
    campaign_id            UUID         NOT NULL REFERENCES campaign (id),
    title                  VARCHAR(200) NOT NULL,
    kind                   VARCHAR(20)  NOT NULL,
    unit_ids               UUID[]       NOT NULL,
    region_code            VARCHAR(15)  NOT NULL REFERENCES region (code),
    deadline               DATE         NOT NULL,
    quota_count            INTEGER,
    quota_kinds            TEXT[]       NOT NULL,
    quota_coverage_percent INTEGER,
    notes                  VARCHAR(2000),
    created_at             TIMESTAMPTZ  NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL,
    version                BIGINT       NOT NULL
);
CREATE INDEX task_campaign ON task (campaign_id);
