INSERT INTO deliveries (id, item_id, revision, channel, operation, status, attempts, next_attempt_at, checkpoint, reason, created_at, updated_at)
VALUES (@id, @itemId, @revision, @channel, @operation, 'pending', 0, @nextAttemptAt, @checkpoint, @reason, @now, @now)
RETURNING *;
