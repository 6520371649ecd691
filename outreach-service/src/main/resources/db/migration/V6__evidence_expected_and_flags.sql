-- How many files a record's worker said would follow (null: not said), and how many are listed on it, kept by the
-- evidence uploads in the transaction that lists a file (docs/outreach.md, "Evidence").
ALTER TABLE outreach_record
    ADD COLUMN evidence_expected INTEGER,
    ADD COLUMN evidence_received INTEGER NOT NULL DEFAULT 0;
UPDATE outreach_record r SET evidence_received = (SELECT count(*) FROM evidence e WHERE e.record_id = r.id);

-- A record whose file (by its SHA-256) is also on a record of another household's visit or of another day
-- (docs/outreach.md, "Faked evidence"): one row per record and file, kept once flagged.
CREATE TABLE evidence_flag (
    record_id  UUID        NOT NULL REFERENCES outreach_record (id),
    sha256     CHAR(64)    NOT NULL,
    reason     VARCHAR(30) NOT NULL CHECK (reason IN ('DIFFERENT_HOUSEHOLDS', 'DIFFERENT_DAYS')),
    flagged_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (record_id, sha256)
);
CREATE INDEX evidence_flag_sha256 ON evidence_flag (sha256);
CREATE INDEX evidence_flag_newest ON evidence_flag (flagged_at DESC, record_id);
