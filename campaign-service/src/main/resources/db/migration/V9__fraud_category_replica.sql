-- A replica of case-stats-service's fraud category catalogue, kept current from fanzha.casestats.v1, to check the
-- categories campaigns and goals name (docs/campaigns.md, "Focus categories"). Seeded with the catalogue as
-- case-stats-service ships it, at version -1 so that its first events replace these rows, so that a campaign can
-- be planned before those events have arrived.
CREATE TABLE fraud_category (
    code    VARCHAR(50) PRIMARY KEY,
    active  BOOLEAN     NOT NULL,
    version BIGINT      NOT NULL
);

INSERT INTO fraud_category (code, active, version) VALUES
    ('ONLINE_LOAN', TRUE, -1), ('INVESTMENT_GAMBLING', TRUE, -1), ('ORDER_BRUSHING', TRUE, -1),
    ('SHOPPING_REFUND', TRUE, -1), ('IMPERSONATING_OFFICIALS', TRUE, -1), ('FAKE_CUSTOMER_SERVICE', TRUE, -1),
    ('ROMANCE_INVESTMENT', TRUE, -1), ('FAKE_CREDIT_REPAIR', TRUE, -1), ('IMPERSONATING_ACQUAINTANCE', TRUE, -1),
    ('GAME_TRADING', TRUE, -1), ('OTHER', TRUE, -1);
