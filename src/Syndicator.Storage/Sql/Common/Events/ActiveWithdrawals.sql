-- Withdrawals of the item still on their way (a hand-off waits for a person and does not count).
SELECT COUNT(*)
FROM deliveries
WHERE item_id = @itemId AND operation = 'withdraw' AND status IN ('pending', 'in_progress', 'awaiting_confirmation');
