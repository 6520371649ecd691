-- The service's next migration, released after the platform already had migrations of its own.
alter table service_thing add column name text;
