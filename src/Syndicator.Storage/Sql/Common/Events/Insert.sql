-- An event, in the transaction of the change it reports.
INSERT INTO events (id, type, item_id, revision, channel, channels, occurred_at, payload)
VALUES (@id, @type, @itemId, @revision, @channel, @channels, @occurredAt, @payload)
RETURNING seq;
