-- The newest events as subscriptions received them (every subscription's or one's): a walk of the events newest
-- first that stops at the limit. Failures and one item's events have their own scripts (ListFailed, ListForItem).
SELECT d.subscription, d.status, d.attempts, d.due_at, d.last_error, d.last_code, d.updated_at, d.delivered_at,
       e.seq, e.id, e.type, e.item_id, e.revision, e.channel, e.occurred_at
FROM event_deliveries d
JOIN events e ON e.seq = d.event_seq
WHERE (@subscription IS NULL OR d.subscription = @subscription)
ORDER BY d.event_seq DESC, d.subscription
LIMIT @limit;
