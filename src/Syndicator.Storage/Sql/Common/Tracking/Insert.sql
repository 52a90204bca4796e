-- The placement's first result; a no-op (0 rows) when another writer stored one first.
INSERT INTO tracking (item_id, channel, revision, status, detail, live_title, live_fingerprint, checked_at, since)
VALUES (@itemId, @channel, @revision, @status, @detail, @liveTitle, @liveFingerprint, @checkedAt, @checkedAt)
ON CONFLICT (item_id, channel) DO NOTHING;
