-- The first write (expected version 0): a no-op, and so 0 rows, when someone else wrote first.
INSERT INTO channel_state (channel, key, value, version, expires_at, updated_at)
VALUES (@channel, @key, @value, 1, @expiresAt, @now)
ON CONFLICT (channel, key) DO NOTHING;
