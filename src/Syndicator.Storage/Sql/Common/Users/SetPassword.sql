UPDATE users SET password_hash = @passwordHash, session_generation = session_generation + 1 WHERE name = @name;
