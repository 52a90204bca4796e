SELECT item_id, channel, revision, remote_id, url, updated_at
FROM placements
WHERE item_id = @itemId AND channel = @channel;
