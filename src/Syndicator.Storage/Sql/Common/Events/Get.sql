SELECT seq, id, type, item_id, revision, channel, occurred_at, payload
FROM events
WHERE seq = @seq;
