-- The attempts a delivery had when an operator last retried it: the retry schedule starts again from there.
ALTER TABLE deliveries ADD COLUMN retry_base INTEGER NOT NULL DEFAULT 0;
