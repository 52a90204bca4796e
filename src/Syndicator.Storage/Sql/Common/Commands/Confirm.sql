UPDATE deliveries
SET status = 'succeeded', url = @url, remote_id = COALESCE(remote_id, @url), last_error = NULL,
    next_attempt_at = NULL, reason = COALESCE(@reason, reason), updated_at = @now
WHERE id = @id AND status = 'handoff'
RETURNING *;
