SELECT * FROM deliveries
WHERE item_id IN (SELECT value FROM json_each(@itemIds))
ORDER BY seq;
