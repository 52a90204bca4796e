SELECT EXISTS (
  SELECT 1 FROM deliveries
  WHERE item_id = @itemId AND channel = @channel AND status IN ('in_progress', 'awaiting_confirmation'));
