-- Live placements in key order after (@afterItem, @afterChannel), each with its latest result; with @uncheckedBefore
-- only those placed or updated by then and not checked since (the first check after a success).
SELECT p.item_id AS ItemId, p.channel AS Channel, p.revision AS Revision, p.remote_id AS RemoteId, p.url AS Url,
  p.updated_at AS UpdatedAt, t.revision AS CheckedRevision, t.status AS Status, t.detail AS Detail,
  t.live_title AS LiveTitle, t.live_fingerprint AS LiveFingerprint, t.checked_at AS CheckedAt, t.since AS Since
FROM placements p
LEFT JOIN tracking t ON t.item_id = p.item_id AND t.channel = p.channel
WHERE (p.item_id > @afterItem OR (p.item_id = @afterItem AND p.channel > @afterChannel))
  AND (CAST(@uncheckedBefore AS BIGINT) IS NULL
       OR (p.updated_at <= CAST(@uncheckedBefore AS BIGINT)
           AND (t.item_id IS NULL OR t.checked_at < p.updated_at OR t.revision <> p.revision)))
ORDER BY p.item_id, p.channel
LIMIT @limit;
