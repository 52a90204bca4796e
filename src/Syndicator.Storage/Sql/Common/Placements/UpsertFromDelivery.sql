-- The delivery's revision is now live. Keep the known remote id when the platform did not name a new one.
INSERT INTO placements (item_id, channel, revision, remote_id, url, updated_at)
SELECT d.item_id, d.channel, d.revision, COALESCE(d.remote_id, p.remote_id, d.url, ''), COALESCE(d.url, p.url), @now
FROM deliveries d
LEFT JOIN placements p ON p.item_id = d.item_id AND p.channel = d.channel
WHERE d.id = @deliveryId
ON CONFLICT (item_id, channel) DO UPDATE SET
  revision = excluded.revision,
  remote_id = excluded.remote_id,
  url = excluded.url,
  updated_at = excluded.updated_at;
