-- Small pieces of state a connector shares with every process and node (the WeChat access token above all).
-- Writes are compare-and-swap on version: 1 for the first write, one more on each write after.
CREATE TABLE channel_state (
  channel TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,               -- may be a secret: never logged
  version INTEGER NOT NULL,
  expires_at INTEGER NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (channel, key)
);
