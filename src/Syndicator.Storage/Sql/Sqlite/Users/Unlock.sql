UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE name = @name;
