-- Where the item is live, or on its way.
SELECT channel FROM placements WHERE item_id = @itemId
UNION
SELECT channel FROM deliveries
WHERE item_id = @itemId AND status IN ('pending', 'in_progress', 'awaiting_confirmation', 'handoff')
ORDER BY channel;
