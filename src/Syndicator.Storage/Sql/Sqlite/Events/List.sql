-- The newest events as subscriptions received them, filtered by subscription, failure and item.
SELECT d.subscription, d.status, d.attempts, d.due_at, d.last_error, d.last_code, d.updated_at, d.delivered_at,
       e.seq, e.id, e.type, e.item_id, e.revision, e.channel, e.occurred_at
FROM event_deliveries d
JOIN events e ON e.seq = d.event_seq
WHERE (@subscription IS NULL OR d.subscription = @subscription)
  AND (@failedOnly = 0 OR d.status = 'failed')
  AND (@itemId IS NULL OR e.item_id = @itemId)
ORDER BY d.event_seq DESC, d.subscription
LIMIT @limit;
