UPDATE items SET index_number = @number WHERE id = @itemId;
