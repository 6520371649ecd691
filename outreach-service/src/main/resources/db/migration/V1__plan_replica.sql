-- What outreach records may name, kept from campaign-service's events (fanzha.campaign.v1): regions (a record's
-- region must exist), units, campaigns and tasks (a record names a known unit, and optionally a campaign and a task
-- whose region holds the record's). Only what the checks need is kept; a newer version always wins.
CREATE TABLE region (
    code    VARCHAR(15) PRIMARY KEY,
    version BIGINT      NOT NULL
);

CREATE TABLE unit (
    id          UUID        PRIMARY KEY,
    region_code VARCHAR(15) NOT NULL,
    active      BOOLEAN     NOT NULL,
    version     BIGINT      NOT NULL
);

CREATE TABLE campaign (
    id          UUID        PRIMARY KEY,
    region_code VARCHAR(15) NOT NULL,
    start_date  DATE        NOT NULL,
    end_date    DATE        NOT NULL,
    version     BIGINT      NOT NULL
);

-- A deleted task stays, marked, so that a record synced later that names it is told so.
CREATE TABLE task (
    id          UUID        PRIMARY KEY,
    campaign_id UUID        NOT NULL,
    region_code VARCHAR(15) NOT NULL,
    deleted     BOOLEAN     NOT NULL,
    version     BIGINT      NOT NULL
);
