-- The earliest instant at which a claim of the channel could take something; blocked deliveries do not count.
-- Two cheap probes instead of one pass over the whole queue, so a lane's wait costs the same with a backlog of
-- 100,000 as with 10: the first unblocked waiting delivery in queue order (the partial index, stopping at the first
-- hit), and the earliest lease expiry among the few running ones (the channel/status index).
SELECT MIN(due) FROM (
  SELECT due FROM (
    SELECT d.next_attempt_at AS due
    FROM deliveries d
    WHERE d.channel = @channel
      AND d.status IN ('pending', 'in_progress', 'awaiting_confirmation')
      AND d.status <> 'in_progress'
      AND NOT EXISTS (
        SELECT 1 FROM deliveries e
        WHERE e.item_id = d.item_id AND e.channel = d.channel AND e.seq < d.seq
          AND e.status IN ('pending', 'in_progress', 'awaiting_confirmation'))
    ORDER BY d.next_attempt_at, d.seq
    LIMIT 1) AS first_waiting
  UNION ALL
  SELECT MIN(r.lease_expires_at) AS due
  FROM deliveries r
  WHERE r.channel = @channel AND r.status = 'in_progress') AS due_times;
