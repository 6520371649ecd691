-- The region replica is shared with outreach-service (platform RegionReplica), which keeps names for its ledger.
ALTER TABLE region ADD COLUMN name VARCHAR(100);
