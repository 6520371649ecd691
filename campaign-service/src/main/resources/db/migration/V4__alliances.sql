-- Anti-fraud alliances (反诈联盟, docs/units.md) and their member units, in the order they were given.
CREATE TABLE alliance (
    id          UUID         PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    region_code VARCHAR(15)  NOT NULL REFERENCES region (code),
    member_ids  UUID[]       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    version     BIGINT       NOT NULL
);
CREATE INDEX alliance_region_prefix ON alliance (region_code varchar_pattern_ops);
