-- The newest failures (every subscription's or one's): read from the failed rows' own index, never a walk of
-- everything delivered since the last failure.
SELECT d.subscription, d.status, d.attempts, d.due_at, d.last_error, d.last_code, d.updated_at, d.delivered_at,
       e.seq, e.id, e.type, e.item_id, e.revision, e.channel, e.occurred_at
FROM event_deliveries d
JOIN events e ON e.seq = d.event_seq
WHERE d.status = 'failed' AND (@subscription IS NULL OR d.subscription = @subscription)
ORDER BY d.event_seq DESC, d.subscription
LIMIT @limit;
