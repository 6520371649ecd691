-- Campaigns get their plan's text, a status (DRAFT → ACTIVE → CLOSED) and a leading group (docs/campaigns.md).
-- Campaigns created before statuses existed were being run: they become ACTIVE.
ALTER TABLE campaign ADD COLUMN description VARCHAR(4000);
ALTER TABLE campaign ADD COLUMN status VARCHAR(10) NOT NULL DEFAULT 'ACTIVE'
    CHECK (status IN ('DRAFT', 'ACTIVE', 'CLOSED'));
ALTER TABLE campaign ALTER COLUMN status DROP DEFAULT;
ALTER TABLE campaign ADD COLUMN leading_group JSONB NOT NULL DEFAULT '[]';
ALTER TABLE campaign ALTER COLUMN leading_group DROP DEFAULT;
