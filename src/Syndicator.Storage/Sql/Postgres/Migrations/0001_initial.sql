-- Syndicator's PostgreSQL schema: the same tables and columns as the SQLite schema (SQLite's migrations 0001-0003
-- in one), so that both stores read rows the same way. Instants are BIGINT unix milliseconds (UTC), as in SQLite:
-- they compare as numbers, round-trip exactly to the millisecond and need no time-zone handling in either driver.

-- Ids and channel names sort and compare byte by byte (COLLATE "C"), as in SQLite, whatever the cluster's locale.
CREATE TABLE items (
  id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  latest_revision BIGINT NOT NULL,
  title TEXT NOT NULL,
  category TEXT NOT NULL,
  index_number TEXT NULL,
  channels TEXT NOT NULL,            -- JSON array: the latest revision's channels
  first_accepted_at BIGINT NOT NULL,
  accepted_at BIGINT NOT NULL        -- when the latest revision was accepted
);

CREATE INDEX ix_items_accepted ON items (accepted_at DESC, id DESC);

CREATE TABLE item_revisions (
  item_id TEXT COLLATE "C" NOT NULL REFERENCES items (id),
  revision BIGINT NOT NULL,
  content_hash TEXT NOT NULL,
  document TEXT NOT NULL,            -- JSON of the whole ItemRevision, media as base64
  accepted_at BIGINT NOT NULL,
  PRIMARY KEY (item_id, revision)
);

CREATE TABLE deliveries (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  item_id TEXT COLLATE "C" NOT NULL,
  revision BIGINT NOT NULL,
  channel TEXT COLLATE "C" NOT NULL,
  operation TEXT NOT NULL CHECK (operation IN ('publish', 'update', 'withdraw')),
  status TEXT NOT NULL CHECK (status IN ('pending', 'in_progress', 'awaiting_confirmation', 'succeeded',
                                         'failed', 'unconfirmed', 'superseded', 'handoff')),
  attempts BIGINT NOT NULL DEFAULT 0,
  retry_base BIGINT NOT NULL DEFAULT 0,  -- the attempts a delivery had when an operator last retried it
  next_attempt_at BIGINT NULL,
  lease_owner TEXT NULL,
  lease_token BIGINT NOT NULL DEFAULT 0, -- the fencing token: incremented by every claim, required by every write
  lease_expires_at BIGINT NULL,
  checkpoint TEXT NULL,
  remote_id TEXT NULL,
  url TEXT NULL,
  last_error TEXT NULL,
  reason TEXT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  FOREIGN KEY (item_id, revision) REFERENCES item_revisions (item_id, revision)
);

-- Everything of one (item, channel) in order: item pages, supersede, the "earlier still active" probe of claims.
CREATE INDEX ix_deliveries_item_channel ON deliveries (item_id, channel, seq);

-- The claim queue: only active rows, so the index stays small however many deliveries have finished.
CREATE INDEX ix_deliveries_queue ON deliveries (channel, next_attempt_at, seq)
  WHERE status IN ('pending', 'in_progress', 'awaiting_confirmation');

-- Channel counts, bulk retry and last success.
CREATE INDEX ix_deliveries_channel_status ON deliveries (channel, status, updated_at);

CREATE TABLE attempts (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id TEXT NOT NULL REFERENCES deliveries (id),
  number BIGINT NOT NULL,
  started_at BIGINT NOT NULL,
  ended_at BIGINT NOT NULL,
  outcome TEXT NOT NULL,
  code TEXT NULL,
  message TEXT NULL
);

CREATE INDEX ix_attempts_delivery ON attempts (delivery_id, id);

-- A row means the item is live on the channel.
CREATE TABLE placements (
  item_id TEXT COLLATE "C" NOT NULL REFERENCES items (id),
  channel TEXT COLLATE "C" NOT NULL,
  revision BIGINT NOT NULL,
  remote_id TEXT NOT NULL,
  url TEXT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (item_id, channel)
);

CREATE TABLE audit (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  item_id TEXT NULL,
  delivery_id TEXT NULL,
  channel TEXT NULL,
  reason TEXT NULL,
  detail TEXT NULL
);

CREATE INDEX ix_audit_at ON audit (at DESC, id DESC);
CREATE INDEX ix_audit_item ON audit (item_id, at DESC, id DESC);

CREATE TABLE api_keys (
  id TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL,              -- JSON array
  created_at BIGINT NOT NULL,
  revoked_at BIGINT NULL
);

-- Small pieces of state a connector shares with every process and node (the WeChat access token above all).
-- Writes are compare-and-swap on version: 1 for the first write, one more on each write after.
CREATE TABLE channel_state (
  channel TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,               -- may be a secret: never logged
  version BIGINT NOT NULL,
  expires_at BIGINT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (channel, key)
);
