-- Access that can be taken back. An API key is revoked by setting revoked_at (the column is as old as the table) and
-- revoked_by. A console account can be disabled (disabled_at); its session_generation goes up on sign-out, disable,
-- role change and password reset, and a sign-in cookie carrying an older generation is refused.
-- Failed sign-ins are counted per (account, client address) in sign_in_failures, so that guessing from one address
-- locks that address out of that account and nobody else; users.failed_sign_ins and users.locked_until are no longer
-- used.
ALTER TABLE api_keys ADD COLUMN revoked_by TEXT NULL;
ALTER TABLE users ADD COLUMN disabled_at BIGINT NULL;
ALTER TABLE users ADD COLUMN session_generation BIGINT NOT NULL DEFAULT 1;
CREATE TABLE sign_in_failures (
  name TEXT COLLATE "C" NOT NULL,
  address TEXT NOT NULL,
  failures BIGINT NOT NULL,
  locked_until BIGINT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (name, address)
);
CREATE INDEX sign_in_failures_updated ON sign_in_failures (updated_at);
