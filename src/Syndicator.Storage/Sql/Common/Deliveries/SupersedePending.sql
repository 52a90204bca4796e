-- Pending deliveries never hold a lease; the lease test only guards against a claim in flight elsewhere.
-- The checkpoints come back: a superseded send that had started hands its progress to what replaces it.
UPDATE deliveries
SET status = 'superseded', updated_at = @now
WHERE item_id = @itemId AND channel = @channel AND status = 'pending' AND lease_owner IS NULL
RETURNING seq, checkpoint;
