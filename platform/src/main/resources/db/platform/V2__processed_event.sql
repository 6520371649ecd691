-- Idempotent consumers (docs/events.md): the ids of the events each consumer has applied, written in the
-- same transaction as the effect, so a redelivered event is recognised and skipped.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
