-- One bad password, counted in the row itself so that two nodes counting at once both count. Reaching the limit
-- locks the account and starts the count again.
UPDATE users
SET locked_until = CASE WHEN failed_sign_ins + 1 >= @lockAfter THEN @lockUntil ELSE locked_until END,
    failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @lockAfter THEN 0 ELSE failed_sign_ins + 1 END
WHERE name = @name;
