-- Items first accepted since @since, routed to @channel, whose latest revision has a 成文日期 (writtenOn), with their
-- first successful publication there.
SELECT i.id AS ItemId, i.title AS Title, (r.document::json ->> 'writtenOn') AS WrittenOn,
  (SELECT MIN(d.updated_at) FROM deliveries d
   WHERE d.item_id = i.id AND d.channel = @channel AND d.status = 'succeeded'
     AND d.operation IN ('publish', 'update')) AS PublishedAt
FROM items i
JOIN item_revisions r ON r.item_id = i.id AND r.revision = i.latest_revision
WHERE i.first_accepted_at >= @since
  AND EXISTS (SELECT 1 FROM deliveries d WHERE d.item_id = i.id AND d.channel = @channel)
  AND (r.document::json ->> 'writtenOn') IS NOT NULL
ORDER BY i.id;
