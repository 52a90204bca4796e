DELETE FROM placements WHERE item_id = @itemId AND channel = @channel;
