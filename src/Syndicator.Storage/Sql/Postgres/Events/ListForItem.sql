-- One item's events as subscriptions received them (optionally one subscription's, or only failures), newest first:
-- found by the item, not by walking every event.
SELECT d.subscription, d.status, d.attempts, d.due_at, d.last_error, d.last_code, d.updated_at, d.delivered_at,
       e.seq, e.id, e.type, e.item_id, e.revision, e.channel, e.occurred_at
FROM events e
JOIN event_deliveries d ON d.event_seq = e.seq
WHERE e.item_id = @itemId
  AND (@subscription::text IS NULL OR d.subscription = @subscription)
  AND (@failedOnly = 0 OR d.status = 'failed')
ORDER BY d.event_seq DESC, d.subscription
LIMIT @limit;
