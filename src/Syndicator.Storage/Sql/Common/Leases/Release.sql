UPDATE deliveries
SET status = 'pending', next_attempt_at = @now, lease_owner = NULL, lease_expires_at = NULL, updated_at = @now
WHERE id = @id AND lease_token = @token AND status = 'in_progress';
