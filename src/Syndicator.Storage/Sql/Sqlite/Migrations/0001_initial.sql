-- Syndicator's SQLite schema. Instants are INTEGER unix milliseconds (UTC) so that they compare as numbers.

CREATE TABLE items (
  id TEXT NOT NULL PRIMARY KEY,
  latest_revision INTEGER NOT NULL,
  title TEXT NOT NULL,
  category TEXT NOT NULL,
  index_number TEXT NULL,
  channels TEXT NOT NULL,            -- JSON array: the latest revision's channels
  first_accepted_at INTEGER NOT NULL,
  accepted_at INTEGER NOT NULL       -- when the latest revision was accepted
);

CREATE INDEX ix_items_accepted ON items (accepted_at DESC, id DESC);

CREATE TABLE item_revisions (
  item_id TEXT NOT NULL REFERENCES items (id),
  revision INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  document TEXT NOT NULL,            -- JSON of the whole ItemRevision, media as base64
  accepted_at INTEGER NOT NULL,
  PRIMARY KEY (item_id, revision)
);

CREATE TABLE deliveries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  item_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  channel TEXT NOT NULL,
  operation TEXT NOT NULL CHECK (operation IN ('publish', 'update', 'withdraw')),
  status TEXT NOT NULL CHECK (status IN ('pending', 'in_progress', 'awaiting_confirmation', 'succeeded',
                                         'failed', 'unconfirmed', 'superseded', 'handoff')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NULL,
  lease_owner TEXT NULL,
  lease_token INTEGER NOT NULL DEFAULT 0,
  lease_expires_at INTEGER NULL,
  checkpoint TEXT NULL,
  remote_id TEXT NULL,
  url TEXT NULL,
  last_error TEXT NULL,
  reason TEXT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  FOREIGN KEY (item_id, revision) REFERENCES item_revisions (item_id, revision)
);

-- Everything of one (item, channel) in order: item pages, supersede, the "earlier still active" probe of claims.
CREATE INDEX ix_deliveries_item_channel ON deliveries (item_id, channel, seq);

-- The claim queue: only active rows, so the index stays small however many deliveries have finished.
-- Queries repeat this WHERE term verbatim so that SQLite can use the partial index.
CREATE INDEX ix_deliveries_queue ON deliveries (channel, next_attempt_at, seq)
  WHERE status IN ('pending', 'in_progress', 'awaiting_confirmation');

-- Channel counts, bulk retry and last success.
CREATE INDEX ix_deliveries_channel_status ON deliveries (channel, status, updated_at);

CREATE TABLE attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  delivery_id TEXT NOT NULL REFERENCES deliveries (id),
  number INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  code TEXT NULL,
  message TEXT NULL
);

CREATE INDEX ix_attempts_delivery ON attempts (delivery_id, id);

-- A row means the item is live on the channel.
CREATE TABLE placements (
  item_id TEXT NOT NULL REFERENCES items (id),
  channel TEXT NOT NULL,
  revision INTEGER NOT NULL,
  remote_id TEXT NOT NULL,
  url TEXT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (item_id, channel)
);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
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
  created_at INTEGER NOT NULL,
  revoked_at INTEGER NULL
);
