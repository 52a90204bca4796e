SELECT * FROM deliveries WHERE id = @id;
