-- The read models move into generations: each generation is a schema of its own (rm_1, rm_2, …) built from the
-- topics, so a rebuild fills a new one while the active one keeps answering (docs/reports.md, "Rebuilding").
-- Everything in the old tables came from events and comes back when the first generation replays the topics.
DROP TABLE region_view;
DROP TABLE campaign_view;

CREATE TABLE read_model_generation (
    id            INTEGER      PRIMARY KEY,
    schema_name   VARCHAR(30)  NOT NULL UNIQUE,
    model_version INTEGER      NOT NULL,
    state         VARCHAR(10)  NOT NULL CHECK (state IN ('BUILDING', 'ACTIVE', 'RETIRED', 'FAILED')),
    requested_by  VARCHAR(100) NOT NULL,
    started_at    TIMESTAMPTZ  NOT NULL,
    caught_up_at  TIMESTAMPTZ,
    retired_at    TIMESTAMPTZ,
    events_replayed BIGINT     NOT NULL DEFAULT 0,
    failure       TEXT
);
-- At most one generation answers queries, at most one is being built.
CREATE UNIQUE INDEX read_model_generation_one_active ON read_model_generation (state) WHERE state IN ('ACTIVE', 'BUILDING');
