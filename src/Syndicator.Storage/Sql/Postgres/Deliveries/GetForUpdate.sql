-- An operator's command on one delivery: hold its row until the command commits.
SELECT * FROM deliveries WHERE id = @id FOR UPDATE;
