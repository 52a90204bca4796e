INSERT INTO board_photos (delivery_id, content) VALUES (@deliveryId, @content);
