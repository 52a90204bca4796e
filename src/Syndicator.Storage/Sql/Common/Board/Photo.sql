SELECT c.photo_name AS name, c.photo_type AS mediatype, p.content
FROM board_photos p
JOIN board_confirmations c ON c.delivery_id = p.delivery_id
WHERE p.delivery_id = @deliveryId;
