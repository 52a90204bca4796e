-- The earliest instant at which a claim of the channel could take something; blocked deliveries do not count.
SELECT MIN(CASE WHEN d.status = 'in_progress' THEN d.lease_expires_at ELSE d.next_attempt_at END)
FROM deliveries d
WHERE d.channel = @channel
  AND d.status IN ('pending', 'in_progress', 'awaiting_confirmation')
  AND NOT EXISTS (
    SELECT 1 FROM deliveries e
    WHERE e.item_id = d.item_id AND e.channel = d.channel AND e.seq < d.seq
      AND e.status IN ('pending', 'in_progress', 'awaiting_confirmation'));
