-- Responsible units (成员单位, docs/units.md). The region may be deleted only while no unit names it.
CREATE TABLE unit (
    id               UUID         PRIMARY KEY,
    name             VARCHAR(100) NOT NULL,
    type             VARCHAR(30)  NOT NULL,
    region_code      VARCHAR(15)  NOT NULL REFERENCES region (code),
    target_groups    TEXT[]       NOT NULL,
    liaison_name     VARCHAR(50),
    liaison_position VARCHAR(50),
    liaison_phone    VARCHAR(20),
    active           BOOLEAN      NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    version          BIGINT       NOT NULL
);
CREATE INDEX unit_region_prefix ON unit (region_code varchar_pattern_ops);
