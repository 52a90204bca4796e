INSERT INTO deliveries (id, item_id, revision, channel, operation, status, attempts, next_attempt_at, reason, created_at, updated_at)
VALUES (@id, @itemId, @revision, @channel, @operation, 'pending', 0, @nextAttemptAt, @reason, @now, @now)
RETURNING *;
