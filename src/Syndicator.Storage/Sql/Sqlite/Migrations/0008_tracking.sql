-- Tracking after release: the latest verification of each live placement (发布后跟踪检查). A row whose placement is
-- gone (withdrawn) is kept but no longer listed or shown.
CREATE TABLE tracking (
  item_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  revision INTEGER NOT NULL,         -- the revision that was live when checked
  status TEXT NOT NULL CHECK (status IN ('verified', 'changed', 'missing', 'unreachable')),
  detail TEXT NOT NULL,
  live_title TEXT NULL,
  live_fingerprint TEXT NULL,
  checked_at INTEGER NOT NULL,
  since INTEGER NOT NULL,            -- when the status was first seen
  PRIMARY KEY (item_id, channel)
);
