INSERT INTO health_checks (channel, status, latency_ms, detail, quota, checked_at, node, scheduled_for)
VALUES (@channel, @status, @latencyMs, @detail, @quota, @checkedAt, @node, @scheduledFor);
