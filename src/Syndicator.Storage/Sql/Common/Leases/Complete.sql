-- The lease token stays: the next claim increments it, so no old lease can ever match again.
-- A checkpoint the try kept without saving comes with the outcome (null: the stored one stays).
UPDATE deliveries
SET status = @status,
    operation = @operation,
    attempts = @attempts,
    next_attempt_at = @nextAttemptAt,
    last_error = @lastError,
    remote_id = COALESCE(@remoteId, remote_id),
    url = COALESCE(@url, url),
    checkpoint = COALESCE(@checkpoint, checkpoint),
    lease_owner = NULL,
    lease_expires_at = NULL,
    updated_at = @now
WHERE id = @id AND lease_token = @token AND status = 'in_progress';
