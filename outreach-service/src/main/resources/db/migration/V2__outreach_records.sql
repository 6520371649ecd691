-- Outreach records (docs/outreach.md): ids chosen by the clients; version grows with every change (an edit, a void or
-- restore, a review), and an edit names the version it was made on.
CREATE TABLE outreach_record (
    id                 UUID         PRIMARY KEY,
    version            BIGINT       NOT NULL,
    kind               VARCHAR(30)  NOT NULL,
    occurred_at        TIMESTAMPTZ  NOT NULL,
    region_code        VARCHAR(15)  NOT NULL,
    unit_id            UUID         NOT NULL,
    campaign_id        UUID,
    task_id            UUID,
    target_group       VARCHAR(30)  NOT NULL,
    materials          INTEGER CHECK (materials >= 0),
    people_reached     INTEGER CHECK (people_reached >= 0),
    households_reached INTEGER CHECK (households_reached >= 0),
    app_installs       INTEGER CHECK (app_installs >= 0),
    receipts_returned  INTEGER CHECK (receipts_returned >= 0),
    questions_answered INTEGER CHECK (questions_answered >= 0),
    household_ref      VARCHAR(64),
    notice_signed      BOOLEAN,
    latitude           NUMERIC(9, 6),
    longitude          NUMERIC(9, 6),
    note               VARCHAR(2000),
    worker             VARCHAR(255) NOT NULL,
    device_id          VARCHAR(100),
    review_state       VARCHAR(20)  NOT NULL,
    review_comment     VARCHAR(2000),
    reviewed_by        VARCHAR(255),
    reviewed_at        TIMESTAMPTZ,
    voided             BOOLEAN      NOT NULL,
    void_reason        VARCHAR(2000),
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX outreach_region_time ON outreach_record (region_code varchar_pattern_ops, occurred_at);
CREATE INDEX outreach_occurred ON outreach_record (occurred_at);
CREATE INDEX outreach_worker ON outreach_record (worker, occurred_at);
CREATE INDEX outreach_unit ON outreach_record (unit_id);
CREATE INDEX outreach_campaign ON outreach_record (campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX outreach_task ON outreach_record (task_id) WHERE task_id IS NOT NULL;
CREATE INDEX outreach_household ON outreach_record (region_code, household_ref) WHERE household_ref IS NOT NULL;
CREATE INDEX outreach_updated ON outreach_record (updated_at);

-- Every version of a record, as its events carried it: who made it, when, from which device.
CREATE TABLE outreach_record_version (
    record_id  UUID         NOT NULL REFERENCES outreach_record (id),
    version    BIGINT       NOT NULL,
    action     VARCHAR(20)  NOT NULL,
    state      JSONB        NOT NULL,
    changed_by VARCHAR(255) NOT NULL,
    device_id  VARCHAR(100),
    changed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (record_id, version)
);
