SELECT number FROM index_numbers WHERE item_id = @itemId;
