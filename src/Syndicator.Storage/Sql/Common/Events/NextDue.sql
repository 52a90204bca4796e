-- When the subscription's next event falls due (a waiting one's next try, a running one's lease expiry).
SELECT due_at
FROM event_deliveries
WHERE subscription = @subscription AND status IN ('pending', 'in_progress')
ORDER BY due_at, event_seq
LIMIT 1;
