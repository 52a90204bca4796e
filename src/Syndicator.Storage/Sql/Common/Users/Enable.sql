UPDATE users SET disabled_at = NULL WHERE name = @name;
