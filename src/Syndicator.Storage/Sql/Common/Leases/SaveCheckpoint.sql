UPDATE deliveries
SET checkpoint = @checkpoint, updated_at = @now
WHERE id = @id AND lease_token = @token AND status = 'in_progress';
