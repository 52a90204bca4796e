-- What a try needs besides the delivery, read in the claim's transaction so the try reads nothing back: the revision
-- to send (with the item's 索引号) and what is live on the channel now. One probe per claimed delivery.
SELECT d.id AS DeliveryId, r.document AS Document, i.index_number AS IndexNumber,
       p.revision AS PlacedRevision, p.remote_id AS PlacedRemoteId, p.url AS PlacedUrl, p.updated_at AS PlacedAt
FROM deliveries d
LEFT JOIN item_revisions r ON r.item_id = d.item_id AND r.revision = d.revision
LEFT JOIN items i ON i.id = d.item_id
LEFT JOIN placements p ON p.item_id = d.item_id AND p.channel = d.channel
WHERE d.id IN (SELECT value FROM json_each(@ids));
