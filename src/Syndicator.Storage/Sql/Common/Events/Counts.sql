-- A subscription's queue at a glance: waiting or in flight, failed, and the last delivered.
SELECT
  (SELECT COUNT(*) FROM event_deliveries WHERE subscription = @subscription AND status IN ('pending', 'in_progress')) AS pending,
  (SELECT COUNT(*) FROM event_deliveries WHERE subscription = @subscription AND status = 'failed') AS failed,
  (SELECT MAX(delivered_at) FROM event_deliveries WHERE subscription = @subscription) AS last_delivered_at;
