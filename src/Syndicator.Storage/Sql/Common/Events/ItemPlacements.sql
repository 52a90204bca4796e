-- What of the item is live where, for item.live and item.withdrawn.
SELECT item_id, channel, revision, remote_id, url, updated_at
FROM placements
WHERE item_id = @itemId
ORDER BY channel;
