-- The newest failures (every subscription's or one's): the failed rows' own index gives them and the limit is applied
-- first; then each finds its event by key (OFFSET 0 keeps the planner from turning that into a hash join over every
-- event, which it prefers while events are few).
SELECT d.subscription, d.status, d.attempts, d.due_at, d.last_error, d.last_code, d.updated_at, d.delivered_at,
       e.seq, e.id, e.type, e.item_id, e.revision, e.channel, e.occurred_at
FROM (SELECT subscription, event_seq, status, attempts, due_at, last_error, last_code, updated_at, delivered_at
      FROM event_deliveries
      WHERE status = 'failed' AND (@subscription::text IS NULL OR subscription = @subscription)
      ORDER BY event_seq DESC, subscription
      LIMIT @limit) d
CROSS JOIN LATERAL (SELECT seq, id, type, item_id, revision, channel, occurred_at FROM events WHERE seq = d.event_seq OFFSET 0) e
ORDER BY d.event_seq DESC, d.subscription;
