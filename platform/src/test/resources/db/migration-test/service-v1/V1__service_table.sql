-- A service's first migration, as every service has one.
create table service_thing (id bigint primary key);
