INSERT INTO api_keys (id, name, hash, scopes, created_at) VALUES (@id, @name, @hash, @scopes, @createdAt);
