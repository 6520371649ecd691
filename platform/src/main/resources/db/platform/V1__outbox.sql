-- Transactional outbox (docs/events.md): a service writes its events here in the same transaction as its
-- state; io.fanzha.platform.event.OutboxRelay publishes them to Kafka and sets sent_at after the ack.
create table outbox_event (
    id          uuid        primary key,
    seq         bigserial   not null,
    topic       text        not null,
    event_type  text        not null,
    source      text        not null,
    subject     text,
    event_key   text,
    payload     jsonb       not null,
    created_at  timestamptz not null,
    sent_at     timestamptz,
    attempts    integer     not null default 0,
    last_error  text
);

-- The relay's queue: only unsent rows, in send order. Stays small however long the table grows.
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

-- Retention deletes sent rows by age.
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;
