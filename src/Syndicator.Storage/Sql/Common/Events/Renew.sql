UPDATE event_deliveries
SET due_at = @until
WHERE subscription = @subscription AND event_seq = @seq AND lease_token = @token AND status = 'in_progress';
