-- A later platform migration, numbered after the platform's own V2 whatever the services have applied.
alter table outbox_event add column trace_parent text;
