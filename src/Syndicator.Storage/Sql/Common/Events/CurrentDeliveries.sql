-- Each channel's current delivery of the item: the latest one not superseded.
SELECT d.channel, d.operation, d.status, d.updated_at, d.last_error, d.reason
FROM deliveries d
WHERE d.item_id = @itemId AND d.status <> 'superseded'
  AND NOT EXISTS (SELECT 1 FROM deliveries l
                  WHERE l.item_id = d.item_id AND l.channel = d.channel AND l.seq > d.seq AND l.status <> 'superseded')
ORDER BY d.channel;
