-- The end of a try under its lease; a lease whose token moved on changes nothing.
UPDATE event_deliveries
SET status = @status,
    attempts = @attempts,
    due_at = @nextAttemptAt,
    last_error = @lastError,
    last_code = @code,
    lease_owner = NULL,
    updated_at = @now,
    delivered_at = COALESCE(@deliveredAt, delivered_at)
WHERE subscription = @subscription AND event_seq = @seq AND lease_token = @token AND status = 'in_progress';
