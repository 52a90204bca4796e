UPDATE users SET last_sign_in_at = @now WHERE name = @name;
