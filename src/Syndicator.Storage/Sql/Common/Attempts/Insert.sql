INSERT INTO attempts (delivery_id, number, started_at, ended_at, outcome, code, message)
VALUES (@deliveryId, @number, @startedAt, @endedAt, @outcome, @code, @message);
