-- A subscription's queue at a glance: waiting or in flight, failed (each on its own partial index), and the last
-- delivered: the newest succeeded event, read backwards along the primary key.
SELECT
  (SELECT COUNT(*) FROM event_deliveries WHERE subscription = @subscription AND status IN ('pending', 'in_progress')) AS pending,
  (SELECT COUNT(*) FROM event_deliveries WHERE subscription = @subscription AND status = 'failed') AS failed,
  (SELECT delivered_at FROM event_deliveries WHERE subscription = @subscription AND status = 'succeeded'
   ORDER BY event_seq DESC LIMIT 1) AS last_delivered_at;
