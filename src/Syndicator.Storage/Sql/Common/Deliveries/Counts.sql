-- O(1) in the backlog: pending and failed come from the counters the triggers keep (migration 0012), the oldest
-- active delivery is the first entry of ix_deliveries_active_since, the last success the last of the channel/status index.
SELECT
  COALESCE((SELECT c.pending FROM delivery_counts c WHERE c.channel = @channel), 0) AS pending,
  COALESCE((SELECT c.failed FROM delivery_counts c WHERE c.channel = @channel), 0) AS failed,
  (SELECT MIN(a.created_at) FROM deliveries a
   WHERE a.channel = @channel AND a.status IN ('pending', 'in_progress', 'awaiting_confirmation')) AS oldest_pending_since,
  (SELECT MAX(s.updated_at) FROM deliveries s WHERE s.channel = @channel AND s.status = 'succeeded') AS last_success_at;
