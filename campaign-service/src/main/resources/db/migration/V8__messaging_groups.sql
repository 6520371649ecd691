-- Anti-fraud messaging groups and their push log (docs/campaigns.md, "Messaging groups").
CREATE TABLE messaging_group (
    id           UUID         PRIMARY KEY,
    platform     VARCHAR(10)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    region_code  VARCHAR(15)  NOT NULL REFERENCES region (code),
    unit_id      UUID         REFERENCES unit (id),
    member_count INTEGER      NOT NULL CHECK (member_count >= 0),
    owner_name   VARCHAR(50)  NOT NULL,
    owner_phone  VARCHAR(20),
    created_on   DATE         NOT NULL,
    active       BOOLEAN      NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    version      BIGINT       NOT NULL
);
CREATE INDEX messaging_group_region_prefix ON messaging_group (region_code varchar_pattern_ops);
CREATE INDEX messaging_group_unit ON messaging_group (unit_id);

CREATE TABLE messaging_push (
    id          UUID          PRIMARY KEY,
    group_id    UUID          NOT NULL REFERENCES messaging_group (id),
    pushed_on   DATE          NOT NULL,
    title       VARCHAR(200)  NOT NULL,
    link        VARCHAR(2000),
    campaign_id UUID          REFERENCES campaign (id),
    recorded_by VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    version     BIGINT        NOT NULL
);
-- "Which groups pushed nothing in week W" looks up each group's pushes by date.
CREATE INDEX messaging_push_group_day ON messaging_push (group_id, pushed_on);
