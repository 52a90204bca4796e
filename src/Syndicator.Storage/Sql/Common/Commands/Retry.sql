UPDATE deliveries
SET status = 'pending', next_attempt_at = @now, retry_base = attempts, crashes = 0, reason = COALESCE(@reason, reason), updated_at = @now
WHERE id = @id AND status IN ('failed', 'unconfirmed')
RETURNING *;
