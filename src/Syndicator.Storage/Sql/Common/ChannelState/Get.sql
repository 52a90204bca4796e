SELECT value, version, expires_at, updated_at FROM channel_state WHERE channel = @channel AND key = @key;
