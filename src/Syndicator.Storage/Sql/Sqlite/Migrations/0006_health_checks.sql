-- Channel health checks with their history: scheduled ones (scheduled_for = the run's fire time) and ones asked for
-- by hand (scheduled_for NULL). Rows are only inserted, and pruned when older than Health:KeepFor.
CREATE TABLE health_checks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  channel TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('unknown', 'healthy', 'degraded', 'unhealthy')),
  latency_ms INTEGER NOT NULL,
  detail TEXT NOT NULL,
  quota TEXT NULL,                   -- JSON object of the platform's remaining quotas
  checked_at INTEGER NOT NULL,
  node TEXT NOT NULL,
  scheduled_for INTEGER NULL
);

-- Latest and history per channel, newest first.
CREATE INDEX ix_health_checks_channel ON health_checks (channel, checked_at DESC, id DESC);

-- Pruning by age.
CREATE INDEX ix_health_checks_at ON health_checks (checked_at);
