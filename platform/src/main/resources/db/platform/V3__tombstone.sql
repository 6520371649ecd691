-- Deletions an offline client must learn of (docs/api.md, "Lists"): a list asked for what changed since an
-- instant names, beside the changed items, what was deleted since then. A re-created id drops its tombstone.
create table tombstone (
    kind        text        not null,
    id          text        not null,
    region_code text        not null,
    parent_id   uuid,
    deleted_at  timestamptz not null,
    primary key (kind, id)
);
create index tombstone_since on tombstone (kind, deleted_at);
