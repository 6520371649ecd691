-- Published assessment schemes (考核方案): every version is kept as it was published and never changed, so a score
-- asked for under an old version is computed by the rules it had (docs/reports.md, "Assessment"). Not read models:
-- no event makes them, and a rebuild leaves them.
CREATE TABLE assessment_scheme (
    code         VARCHAR(40)  NOT NULL,
    version      INTEGER      NOT NULL,
    region_code  VARCHAR(15)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    rules        JSONB        NOT NULL,
    published_by VARCHAR(100) NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (code, version)
);
CREATE INDEX assessment_scheme_region ON assessment_scheme (region_code varchar_pattern_ops);
