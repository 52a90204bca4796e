-- A later write: only over the version the writer read, so 0 rows when someone else wrote since.
UPDATE channel_state
SET value = @value, version = version + 1, expires_at = @expiresAt, updated_at = @now
WHERE channel = @channel AND key = @key AND version = @expected;
