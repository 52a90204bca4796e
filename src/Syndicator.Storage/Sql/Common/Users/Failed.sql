-- One bad password from one address, counted in the pair's row so that two nodes counting at once both count (an
-- unknown account inserts nothing). Reaching the limit locks that address out of that account and starts the count
-- again.
INSERT INTO sign_in_failures (name, address, failures, locked_until, updated_at)
SELECT @name, @address,
       CASE WHEN @lockAfter <= 1 THEN 0 ELSE 1 END,
       CASE WHEN @lockAfter <= 1 THEN @lockUntil ELSE NULL END,
       @now
WHERE EXISTS (SELECT 1 FROM users WHERE name = @name)
ON CONFLICT (name, address) DO UPDATE
SET locked_until = CASE WHEN sign_in_failures.failures + 1 >= @lockAfter THEN @lockUntil ELSE sign_in_failures.locked_until END,
    failures = CASE WHEN sign_in_failures.failures + 1 >= @lockAfter THEN 0 ELSE sign_in_failures.failures + 1 END,
    updated_at = @now;
