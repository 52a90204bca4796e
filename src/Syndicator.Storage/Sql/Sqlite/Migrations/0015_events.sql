-- Events (docs/events.md): what happened, stored in the transaction of the change it reports, and one row per
-- subscription that is to receive it, queued, leased and retried like a delivery.
CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  item_id TEXT NOT NULL,
  revision INTEGER NULL,
  channel TEXT NULL,
  channels TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  payload TEXT NOT NULL
);

CREATE INDEX ix_events_occurred ON events (occurred_at, seq);
CREATE INDEX ix_events_item ON events (item_id, type, revision);

-- due_at: the next try while pending, the lease's expiry while in progress (a dead worker's is taken over then).
CREATE TABLE event_deliveries (
  subscription TEXT NOT NULL,
  event_seq INTEGER NOT NULL REFERENCES events (seq),
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  retry_base INTEGER NOT NULL DEFAULT 0,
  due_at INTEGER NULL,
  lease_owner TEXT NULL,
  lease_token INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NULL,
  last_code TEXT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  delivered_at INTEGER NULL,
  PRIMARY KEY (subscription, event_seq)
);

CREATE INDEX ix_event_deliveries_due ON event_deliveries (subscription, due_at, event_seq)
  WHERE status IN ('pending', 'in_progress');
CREATE INDEX ix_event_deliveries_failed ON event_deliveries (subscription, event_seq) WHERE status = 'failed';
CREATE INDEX ix_event_deliveries_event ON event_deliveries (event_seq);
