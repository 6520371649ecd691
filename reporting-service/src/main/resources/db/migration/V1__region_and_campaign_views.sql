-- Read models, fed only by events (fanzha.campaign.v1). version is the source's version of the
-- row, so a redelivered or late older event never overwrites a newer state.
CREATE TABLE region_view (
    code                VARCHAR(15)  PRIMARY KEY,
    name                VARCHAR(100) NOT NULL,
    parent_code         VARCHAR(15),
    level               SMALLINT     NOT NULL,
    resident_households INTEGER,
    population          INTEGER,
    version             BIGINT       NOT NULL,
    changed_at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX region_view_code_prefix ON region_view (code varchar_pattern_ops);

CREATE TABLE campaign_view (
    id          UUID         PRIMARY KEY,
    theme       VARCHAR(200) NOT NULL,
    region_code VARCHAR(15)  NOT NULL,
    start_date  DATE         NOT NULL,
    end_date    DATE         NOT NULL,
    version     BIGINT       NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX campaign_view_region_prefix ON campaign_view (region_code varchar_pattern_ops);
