SELECT delivery_id, number, started_at, ended_at, outcome, code, message
FROM attempts
WHERE delivery_id = @deliveryId
ORDER BY id;
