-- The earliest instant at which a claim of the channel could take something; blocked deliveries do not count.
-- due_at is the next attempt of a waiting delivery and the lease expiry of a running one, so this is the first
-- unblocked entry of the claim queue's index: a lane's wait costs the same with a backlog of 100,000 as with 10.
SELECT d.due_at
FROM deliveries d
WHERE d.channel = @channel
  AND d.status IN ('pending', 'in_progress', 'awaiting_confirmation')
  AND NOT EXISTS (
    SELECT 1 FROM deliveries e
    WHERE e.item_id = d.item_id AND e.channel = d.channel AND e.seq < d.seq
      AND e.status IN ('pending', 'in_progress', 'awaiting_confirmation'))
ORDER BY d.due_at, d.seq
LIMIT 1;
