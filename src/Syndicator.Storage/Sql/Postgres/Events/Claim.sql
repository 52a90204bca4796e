-- Take the subscription's due events under a new lease token, in one statement: pending ones whose time has come
-- and running ones whose lease expired (a dead worker's), in due order. due_at becomes the lease's expiry.
-- SKIP LOCKED: rows another node is taking right now are passed over, not waited for.
WITH picked AS (
  SELECT subscription, event_seq FROM event_deliveries
  WHERE subscription = @subscription AND status IN ('pending', 'in_progress') AND due_at <= @now
  ORDER BY due_at, event_seq
  LIMIT @max
  FOR UPDATE SKIP LOCKED)
UPDATE event_deliveries d
SET status = 'in_progress',
    lease_owner = @owner,
    lease_token = d.lease_token + 1,
    due_at = @expiresAt,
    updated_at = @now
FROM picked p
WHERE d.subscription = p.subscription AND d.event_seq = p.event_seq
RETURNING d.subscription, d.event_seq, d.attempts, d.retry_base, d.last_error, d.lease_token, d.due_at;
