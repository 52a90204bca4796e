-- The event queued for one subscription, due at once.
INSERT INTO event_deliveries (subscription, event_seq, status, attempts, retry_base, due_at, lease_token, created_at, updated_at)
VALUES (@subscription, @seq, 'pending', 0, 0, @now, 0, @now, @now);
