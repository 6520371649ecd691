-- The tables of one read-model generation, created in its own schema (rm_<n>). Every row is the newest state an
-- event told of (version), and a deletion leaves its row behind marked deleted: applying the same events in any
-- order, any number of times, gives the same tables, which is what lets the live consumers and a rebuild's replay
-- write into one generation at once.

CREATE TABLE region (
    code                VARCHAR(15)  PRIMARY KEY,
    name                VARCHAR(100) NOT NULL,
    parent_code         VARCHAR(15),
    level               VARCHAR(10)  NOT NULL,
    resident_households INTEGER,
    population          INTEGER,
    version             BIGINT       NOT NULL,
    changed_at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX region_code_prefix ON region (code varchar_pattern_ops);

CREATE TABLE campaign (
    id          UUID         PRIMARY KEY,
    theme       VARCHAR(200) NOT NULL,
    region_code VARCHAR(15)  NOT NULL,
    start_date  DATE         NOT NULL,
    end_date    DATE         NOT NULL,
    status      VARCHAR(20),
    version     BIGINT       NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX campaign_region_prefix ON campaign (region_code varchar_pattern_ops);

CREATE TABLE goal (
    id                    UUID        PRIMARY KEY,
    campaign_id           UUID        NOT NULL,
    metric                VARCHAR(20) NOT NULL,
    categories            TEXT[]      NOT NULL,
    region_code           VARCHAR(15) NOT NULL,
    period                VARCHAR(10),
    deadline              DATE,
    target_change_percent INTEGER,
    target_percent        INTEGER,
    target_count          INTEGER,
    outreach_kinds        TEXT[]      NOT NULL,
    deleted               BOOLEAN     NOT NULL,
    version               BIGINT      NOT NULL,
    changed_at            TIMESTAMPTZ NOT NULL,
    -- The order goals were set in: their first events' order on the topic, the same in every generation.
    set_order             BIGINT      GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX goal_campaign ON goal (campaign_id);

CREATE TABLE task (
    id                     UUID         PRIMARY KEY,
    campaign_id            UUID         NOT NULL,
    title                  VARCHAR(200) NOT NULL,
    kind                   VARCHAR(20)  NOT NULL,
    unit_ids               UUID[]       NOT NULL,
    region_code            VARCHAR(15)  NOT NULL,
    deadline               DATE         NOT NULL,
    quota_count            INTEGER,
    quota_kinds            TEXT[]       NOT NULL,
    quota_coverage_percent INTEGER,
    deleted                BOOLEAN      NOT NULL,
    version                BIGINT       NOT NULL,
    changed_at             TIMESTAMPTZ  NOT NULL
);
CREATE INDEX task_campaign ON task (campaign_id);

CREATE TABLE unit (
    id          UUID         PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    type        VARCHAR(30)  NOT NULL,
    region_code VARCHAR(15)  NOT NULL,
    active      BOOLEAN      NOT NULL,
    version     BIGINT       NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL
);

-- An outreach record's newest state. counted: neither voided nor rejected, the only records any report counts.
-- occurred_on is the record's day in China time; village_code the village its household belongs to.
CREATE TABLE outreach (
    id                  UUID        PRIMARY KEY,
    kind                VARCHAR(30) NOT NULL,
    occurred_at         TIMESTAMPTZ NOT NULL,
    occurred_on         DATE        NOT NULL,
    region_code         VARCHAR(15) NOT NULL,
    unit_id             UUID,
    campaign_id         UUID,
    task_id             UUID,
    target_group        VARCHAR(30),
    materials           INTEGER,
    people_reached      INTEGER,
    households_reached  INTEGER,
    app_installs        INTEGER,
    receipts_returned   INTEGER,
    questions_answered  INTEGER,
    village_code        VARCHAR(12),
    household_ref       VARCHAR(100),
    counted             BOOLEAN     NOT NULL,
    version             BIGINT      NOT NULL,
    changed_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX outreach_region_day ON outreach (region_code varchar_pattern_ops, occurred_on) WHERE counted;
CREATE INDEX outreach_task ON outreach (task_id) WHERE counted;
CREATE INDEX outreach_unit_day ON outreach (unit_id, occurred_on) WHERE counted;
-- Coverage counts distinct households from this index alone (village, household, day of each counted visit).
CREATE INDEX outreach_household_visit ON outreach (village_code varchar_pattern_ops, household_ref, occurred_on)
    WHERE counted AND household_ref IS NOT NULL;

-- Each household that counted door-to-door visits reached, with the days of those visits (sorted, each once): kept
-- from the outreach table for the households each batch touches, so coverage counts households, not visits.
CREATE TABLE household_reach (
    village_code  VARCHAR(12)  NOT NULL,
    household_ref VARCHAR(100) NOT NULL,
    first_visit   DATE         NOT NULL,
    visit_days    DATE[]       NOT NULL,
    PRIMARY KEY (village_code, household_ref)
);
CREATE INDEX household_reach_village ON household_reach (village_code varchar_pattern_ops, first_visit);

CREATE TABLE fraud_category (
    code    VARCHAR(40)  PRIMARY KEY,
    name_zh VARCHAR(100),
    name_en VARCHAR(100),
    version BIGINT       NOT NULL
);

-- Case figures per region, period and category; week_start is the Monday of a weekly report (the reports that
-- bulletins and attainment sum), null for other period forms.
CREATE TABLE case_report (
    region_code VARCHAR(15)   NOT NULL,
    period      VARCHAR(10)   NOT NULL,
    category    VARCHAR(40)   NOT NULL,
    week_start  DATE,
    cases       INTEGER,
    loss        NUMERIC(18,2),
    deleted     BOOLEAN       NOT NULL,
    version     BIGINT        NOT NULL,
    changed_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (region_code, period, category)
);
CREATE INDEX case_report_week ON case_report (week_start, region_code varchar_pattern_ops) WHERE week_start IS NOT NULL;

-- Who reported for a region and week, and when first: the answer to "who did not report".
CREATE TABLE case_report_receipt (
    region_code VARCHAR(15)  NOT NULL,
    week_start  DATE         NOT NULL,
    reporter    VARCHAR(100) NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (region_code, week_start, reporter)
);

CREATE TABLE expectation (
    id            UUID         PRIMARY KEY,
    region_code   VARCHAR(15)  NOT NULL,
    level         VARCHAR(10)  NOT NULL,
    granularity   VARCHAR(10)  NOT NULL,
    reporter      VARCHAR(100) NOT NULL,
    deadline_days INTEGER      NOT NULL,
    deleted       BOOLEAN      NOT NULL,
    version       BIGINT       NOT NULL
);

-- Per topic: the time of the newest event applied and when it was applied (an answer's freshness).
CREATE TABLE topic_freshness (
    topic           VARCHAR(100) PRIMARY KEY,
    last_event_at   TIMESTAMPTZ  NOT NULL,
    last_applied_at TIMESTAMPTZ  NOT NULL
);

-- The events applied to this generation, per topic: each is applied once, whether the replay of a rebuild or the
-- live consumer brings it (the same table as the platform's, in this generation's schema).
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
