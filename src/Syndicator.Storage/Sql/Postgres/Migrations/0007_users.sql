-- Console accounts (issue 6): one role each; the password only as the framework hasher's output. Failed sign-ins
-- and the lock-out are kept here so that they hold across restarts and nodes.
CREATE TABLE users (
  name TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('operator', 'it', 'auditor', 'admin')),
  password_hash TEXT NOT NULL,
  failed_sign_ins BIGINT NOT NULL DEFAULT 0,
  locked_until BIGINT NULL,
  created_at BIGINT NOT NULL,
  last_sign_in_at BIGINT NULL
);
