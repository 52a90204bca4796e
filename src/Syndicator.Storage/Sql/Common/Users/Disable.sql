-- Disabling keeps the first time it was disabled and ends every sign-in of the account.
UPDATE users SET disabled_at = COALESCE(disabled_at, @at), session_generation = session_generation + 1 WHERE name = @name;
