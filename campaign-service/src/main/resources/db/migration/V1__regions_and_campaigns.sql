-- Regions: the county → township → village → grid tree. A child's code extends its parent's,
-- so "R and everything below it" is a prefix match on code (see RegionCode).
CREATE TABLE region (
    code                VARCHAR(15)  PRIMARY KEY,
    name                VARCHAR(100) NOT NULL,
    parent_code         VARCHAR(15)  REFERENCES region (code),
    level               SMALLINT     NOT NULL,
    path                VARCHAR(70)  NOT NULL,
    resident_households INTEGER      CHECK (resident_households >= 0),
    population          INTEGER      CHECK (population >= 0),
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    version             BIGINT       NOT NULL
);
CREATE INDEX region_code_prefix ON region (code varchar_pattern_ops);
CREATE INDEX region_parent ON region (parent_code);

CREATE TABLE campaign (
    id               UUID         PRIMARY KEY,
    theme            VARCHAR(200) NOT NULL,
    region_code      VARCHAR(15)  NOT NULL REFERENCES region (code),
    start_date       DATE         NOT NULL,
    end_date         DATE         NOT NULL,
    focus_categories TEXT[]       NOT NULL,
    target_groups    TEXT[]       NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    version          BIGINT       NOT NULL,
    CHECK (start_date <= end_date)
);
CREATE INDEX campaign_region_prefix ON campaign (region_code varchar_pattern_ops);
