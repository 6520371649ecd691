-- The ledger (台账) is read by people: it names regions and units, not only their codes and ids. Rows replicated
-- before this migration get their name with their next event.
ALTER TABLE region ADD COLUMN name VARCHAR(100);
ALTER TABLE unit ADD COLUMN name VARCHAR(200);
