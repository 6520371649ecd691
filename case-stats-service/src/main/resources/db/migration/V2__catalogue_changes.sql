-- The catalogue changes (docs/fraud-categories.md): national admins add categories and deactivate them, every
-- change is versioned and announced. The seeded categories are announced once at startup (announced = false
-- until then), since the outbox table is the platform's and is created after this migration runs.
ALTER TABLE fraud_category
    ADD COLUMN active     BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN announced  BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN version    BIGINT      NOT NULL DEFAULT 0;
