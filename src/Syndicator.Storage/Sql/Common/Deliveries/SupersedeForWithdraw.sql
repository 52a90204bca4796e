-- A withdraw also cancels hand-offs still waiting for an operator.
-- The checkpoints come back: a superseded send that had started may have put something live.
UPDATE deliveries
SET status = 'superseded', updated_at = @now
WHERE item_id = @itemId AND channel = @channel AND status IN ('pending', 'handoff') AND lease_owner IS NULL
RETURNING seq, checkpoint;
