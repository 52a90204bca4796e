-- Never the hash: a listing is for people.
SELECT id, name, scopes, created_at, revoked_at, revoked_by FROM api_keys ORDER BY created_at, id;
