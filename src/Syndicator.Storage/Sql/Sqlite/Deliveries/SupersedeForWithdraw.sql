-- A withdraw also cancels hand-offs still waiting for an operator.
UPDATE deliveries
SET status = 'superseded', updated_at = @now
WHERE item_id = @itemId AND channel = @channel AND status IN ('pending', 'handoff') AND lease_owner IS NULL;
