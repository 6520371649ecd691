-- Large bulk requests taken as jobs (docs/platform.md, "Import jobs"). The body is stored in chunks, in the same
-- transaction as its job, so that an acknowledged job survives a restart and is read back without holding it whole.
-- A worker claims a job (claim, heartbeat_at), runs it in one transaction and stores the answer in that transaction;
-- a job whose worker stopped (no heartbeat for a lease) rolled back and is claimed again.
create table import_job (
    id           uuid        primary key,
    kind         text        not null,
    status       text        not null,
    media_type   text        not null,
    parameters   jsonb       not null,
    size         bigint      not null,
    submitted_by text        not null,
    scope_prefix text        not null,
    submitted_at timestamptz not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    heartbeat_at timestamptz,
    claim        uuid,
    attempts     int         not null default 0,
    rows_read    bigint      not null default 0,
    answer       jsonb,
    problem      jsonb
);
create index import_job_waiting on import_job (submitted_at) where status in ('QUEUED', 'RUNNING');
create index import_job_submitter on import_job (kind, submitted_by, submitted_at);

create table import_job_chunk (
    job_id uuid  not null references import_job (id) on delete cascade,
    seq    int   not null,
    data   bytea not null,
    primary key (job_id, seq)
);
