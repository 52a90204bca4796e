-- The newest successful publish or update of the channel (a withdrawal is not a publication).
SELECT MAX(updated_at) FROM deliveries
WHERE channel = @channel AND status = 'succeeded' AND operation IN ('publish', 'update');
