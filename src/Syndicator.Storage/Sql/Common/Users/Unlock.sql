-- The old account-wide counters are cleared too, for rows written before per-address counting.
UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE name = @name;
