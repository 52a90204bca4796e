-- Take the subscription's due events under a new lease token, in one statement: pending ones whose time has come
-- and running ones whose lease expired (a dead worker's), in due order. due_at becomes the lease's expiry.
UPDATE event_deliveries
SET status = 'in_progress',
    lease_owner = @owner,
    lease_token = lease_token + 1,
    due_at = @expiresAt,
    updated_at = @now
WHERE subscription = @subscription AND event_seq IN (
  SELECT event_seq FROM event_deliveries
  WHERE subscription = @subscription AND status IN ('pending', 'in_progress') AND due_at <= @now
  ORDER BY due_at, event_seq
  LIMIT @max)
RETURNING subscription, event_seq, attempts, retry_base, last_error, lease_token, due_at;
