-- OFFSET 0 keeps the channel filter a probe of ix_deliveries_item_status for each item read: without it the planner
-- may hash every delivery of the channel first (a sequential scan of deliveries) for a page of 50 items.
-- Newest accepted first; keyset paging on (accepted_at, id) after @afterAt/@afterId.
SELECT i.id, i.latest_revision, i.title, i.category, i.index_number, i.channels, i.accepted_at
FROM items i
WHERE (@category::text IS NULL OR i.category = @category)
  AND (@since::bigint IS NULL OR i.accepted_at >= @since)
  AND (@channel::text IS NULL OR EXISTS (SELECT 1 FROM deliveries d WHERE d.item_id = i.id AND d.channel = @channel OFFSET 0))
  AND (@afterAt::bigint IS NULL OR i.accepted_at < @afterAt OR (i.accepted_at = @afterAt AND i.id < @afterId))
ORDER BY i.accepted_at DESC, i.id DESC
LIMIT @limit;
