-- Queued again, due at once, under the same event id (so the receiver's de-duplication still holds). A delivered or
-- failed one goes back to pending with a fresh retry schedule (retry_base); one pending or in flight is left alone;
-- an event the subscription never had (it was added since) is queued for it.
INSERT INTO event_deliveries (subscription, event_seq, status, attempts, retry_base, due_at, lease_token, created_at, updated_at)
VALUES (@subscription, @seq, 'pending', 0, 0, @now, 0, @now, @now)
ON CONFLICT (subscription, event_seq) DO UPDATE
SET status = 'pending',
    retry_base = event_deliveries.attempts,
    due_at = @now,
    last_error = NULL,
    last_code = NULL,
    updated_at = @now
WHERE event_deliveries.status IN ('succeeded', 'failed');
