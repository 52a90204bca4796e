-- Given back untouched at shutdown: pending again, due now, no attempt counted.
UPDATE event_deliveries
SET status = 'pending', due_at = @now, lease_owner = NULL, updated_at = @now
WHERE subscription = @subscription AND event_seq = @seq AND lease_token = @token AND status = 'in_progress';
