-- The first delivery of the same (item, channel) created after @seq that still counts.
SELECT id FROM deliveries
WHERE item_id = @itemId AND channel = @channel AND seq > @seq AND status <> 'superseded'
ORDER BY seq
LIMIT 1;
