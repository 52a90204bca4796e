SELECT id, name, hash, scopes, created_at FROM api_keys WHERE hash = @hash AND revoked_at IS NULL;
