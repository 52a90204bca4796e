SELECT EXISTS (SELECT 1 FROM placements WHERE item_id = @itemId AND channel = @channel);
