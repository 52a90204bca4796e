SELECT latest_revision FROM items WHERE id = @itemId;
