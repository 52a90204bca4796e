SELECT id, name, scopes, created_at, revoked_at, revoked_by FROM api_keys WHERE id = @id;
