-- Failed or unconfirmed deliveries that are still the current one of their (item, channel).
SELECT d.* FROM deliveries d
WHERE d.status IN ('failed', 'unconfirmed')
  AND (@channel::text IS NULL OR d.channel = @channel)
  AND (@itemId::text IS NULL OR d.item_id = @itemId)
  AND (@since::bigint IS NULL OR d.updated_at >= @since)
  AND NOT EXISTS (SELECT 1 FROM deliveries l
                  WHERE l.item_id = d.item_id AND l.channel = d.channel AND l.seq > d.seq AND l.status <> 'superseded')
ORDER BY d.seq;
