-- Test only: the visible effect of RecordingHandler, one row per application of an event.
create table test_event_effect (
    seq        bigserial   primary key,
    event_id   uuid        not null,
    event_type text        not null,
    subject    text,
    event_key  text,
    payload    jsonb       not null
);
