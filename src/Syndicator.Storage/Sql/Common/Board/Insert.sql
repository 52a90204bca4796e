INSERT INTO board_confirmations
  (delivery_id, item_id, channel, kind, on_date, on_at, photo_name, photo_type, photo_bytes, confirmed_by, confirmed_at)
VALUES (@deliveryId, @itemId, @channel, @kind, @onDate, @onAt, @photoName, @photoType, @photoBytes, @confirmedBy, @confirmedAt);
