UPDATE users SET session_generation = session_generation + 1 WHERE name = @name;
