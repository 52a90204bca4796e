UPDATE deliveries
SET lease_expires_at = @until
WHERE id = @id AND lease_token = @token AND status = 'in_progress';
