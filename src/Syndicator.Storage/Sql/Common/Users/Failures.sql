SELECT name, address, failures, locked_until AS lockeduntil
FROM sign_in_failures WHERE name = @name AND address = @address;
