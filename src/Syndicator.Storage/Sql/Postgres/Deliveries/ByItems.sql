SELECT * FROM deliveries
WHERE item_id = ANY(@itemIds)
ORDER BY seq;
