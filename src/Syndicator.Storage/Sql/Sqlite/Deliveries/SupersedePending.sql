-- Pending deliveries never hold a lease; the lease test only guards against a claim in flight elsewhere.
UPDATE deliveries
SET status = 'superseded', updated_at = @now
WHERE item_id = @itemId AND channel = @channel AND status = 'pending' AND lease_owner IS NULL;
