SELECT
  (SELECT COUNT(*) FROM deliveries
   WHERE channel = @channel AND status IN ('pending', 'in_progress', 'awaiting_confirmation')) AS pending,
  (SELECT COUNT(*) FROM deliveries d
   WHERE d.channel = @channel AND d.status IN ('failed', 'unconfirmed')
     AND NOT EXISTS (SELECT 1 FROM deliveries l
                     WHERE l.item_id = d.item_id AND l.channel = d.channel AND l.seq > d.seq AND l.status <> 'superseded')) AS failed,
  (SELECT MIN(created_at) FROM deliveries
   WHERE channel = @channel AND status IN ('pending', 'in_progress', 'awaiting_confirmation')) AS oldest_pending_since,
  (SELECT MAX(updated_at) FROM deliveries WHERE channel = @channel AND status = 'succeeded') AS last_success_at;
