-- A taken name inserts nothing (0 rows): the caller says so.
INSERT INTO users (name, role, password_hash, failed_sign_ins, locked_until, created_at, last_sign_in_at)
VALUES (@name, @role, @passwordHash, 0, NULL, @createdAt, NULL)
ON CONFLICT (name) DO NOTHING;
