-- An operator's command on one delivery. SQLite's write transaction already holds the whole database.
SELECT * FROM deliveries WHERE id = @id;
