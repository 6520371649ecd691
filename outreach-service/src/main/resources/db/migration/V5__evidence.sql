-- Evidence files of outreach records (docs/outreach.md, "Evidence"): a record's file by its name, the bytes stored
-- once in the object store under their SHA-256. A row is written only once its bytes are stored and checked, so
-- nothing half-written is ever listed.
CREATE TABLE evidence (
    record_id    UUID         NOT NULL REFERENCES outreach_record (id),
    name         VARCHAR(100) NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    size         BIGINT       NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    uploaded_by  VARCHAR(255) NOT NULL,
    uploaded_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (record_id, name)
);
CREATE INDEX evidence_sha256 ON evidence (sha256);
