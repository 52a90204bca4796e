SELECT name, address, failures, locked_until AS lockeduntil
FROM sign_in_failures WHERE locked_until > @now ORDER BY name, address;
