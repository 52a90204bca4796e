-- One batch of the events that happened since a moment, in order.
SELECT seq, type, channels
FROM events
WHERE occurred_at >= @since AND seq > @after
ORDER BY seq
LIMIT @batch;
