-- Aggregate case reports (docs/case-reports.md): one row per region, period and fraud category. A metric left
-- out is not reported (null), never 0. Every change is audited with its old and new values and the import it
-- came from.
CREATE TABLE case_report (
    region_code     VARCHAR(15)   NOT NULL,
    period          VARCHAR(10)   NOT NULL,
    category        VARCHAR(50)   NOT NULL REFERENCES fraud_category (code),
    cases           INTEGER       CHECK (cases >= 0),
    loss            NUMERIC(18,2) CHECK (loss >= 0),
    cases_concluded INTEGER       CHECK (cases_concluded >= 0),
    defendants      INTEGER       CHECK (defendants >= 0),
    heavy_sentences INTEGER       CHECK (heavy_sentences >= 0),
    restitution     NUMERIC(18,2) CHECK (restitution >= 0),
    fines           NUMERIC(18,2) CHECK (fines >= 0),
    updated_by      TEXT          NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    version         BIGINT        NOT NULL,
    PRIMARY KEY (region_code, period, category)
);
CREATE INDEX case_report_region_prefix ON case_report (region_code varchar_pattern_ops);
CREATE INDEX case_report_period ON case_report (period);

CREATE TABLE case_report_audit (
    id          BIGSERIAL   PRIMARY KEY,
    region_code VARCHAR(15) NOT NULL,
    period      VARCHAR(10) NOT NULL,
    category    VARCHAR(50) NOT NULL,
    action      VARCHAR(10) NOT NULL,
    old_values  JSONB,
    new_values  JSONB,
    changed_by  TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    import_id   UUID        NOT NULL
);
CREATE INDEX case_report_audit_key ON case_report_audit (region_code, period, category);
