-- A new role ends every sign-in of the account: cookies carry the generation they were issued under.
UPDATE users SET role = @role, session_generation = session_generation + 1 WHERE name = @name;
