-- The regions campaign-service announces (fanzha.campaign.v1), so that a case report names a region that exists.
-- A deleted region leaves this table, and new figures for it are refused; the figures stored for it stay.
CREATE TABLE region (
    code    VARCHAR(15) PRIMARY KEY,
    version BIGINT      NOT NULL
);
