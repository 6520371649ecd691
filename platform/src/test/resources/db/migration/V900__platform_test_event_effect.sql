-- Test only: the visible effect of RecordingHandler, one row per application of an event, with the
-- transaction that applied it.
create table test_event_effect (
    seq        bigserial   primary key,
    event_id   uuid        not null,
    event_type text        not null,
    subject    text,
    event_key  text,
    payload    jsonb       not null,
    tx         bigint      not null default txid_current()
);
