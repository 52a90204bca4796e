-- Every posting and take-down of the item, oldest first. Served by ix_board_confirmations_item.
SELECT delivery_id AS deliveryid, item_id AS itemid, channel, kind, on_date AS ondate, photo_name AS photoname,
       photo_type AS phototype, photo_bytes AS photobytes, confirmed_by AS confirmedby, confirmed_at AS confirmedat
FROM board_confirmations
WHERE item_id = @itemId
ORDER BY on_date, confirmed_at, delivery_id;
