-- The latest result of each channel where the item is live.
SELECT t.item_id AS ItemId, t.channel AS Channel, t.revision AS CheckedRevision, t.status AS Status, t.detail AS Detail,
  t.live_title AS LiveTitle, t.live_fingerprint AS LiveFingerprint, t.checked_at AS CheckedAt, t.since AS Since
FROM tracking t
JOIN placements p ON p.item_id = t.item_id AND p.channel = t.channel
WHERE t.item_id = @itemId
ORDER BY t.channel;
