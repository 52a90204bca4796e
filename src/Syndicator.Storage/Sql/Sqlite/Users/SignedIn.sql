UPDATE users SET failed_sign_ins = 0, last_sign_in_at = @now WHERE name = @name;
