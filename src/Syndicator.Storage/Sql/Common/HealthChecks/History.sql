-- Columns named as the row class's properties (no type map needed).
SELECT channel, status, latency_ms AS latencyms, detail, quota, checked_at AS checkedat, node, scheduled_for AS scheduledfor
FROM health_checks
WHERE channel = @channel
ORDER BY checked_at DESC, id DESC
LIMIT @limit;
