-- Tries that never finished: a claim that takes a delivery over from an expired lease counts one (the worker before
-- died or lost it mid-try). The dispatcher quarantines a delivery that keeps doing this (Dispatcher:QuarantineAfter).
ALTER TABLE deliveries ADD COLUMN crashes BIGINT NOT NULL DEFAULT 0;
