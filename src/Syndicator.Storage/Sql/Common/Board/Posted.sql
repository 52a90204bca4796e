-- The channel's notices still up: a posting was confirmed and the item is live there (a placement); the latest
-- posting day counts (a revised notice replaces the one before). Driven by the confirmations, a board's few rows.
SELECT b.item_id AS itemid, b.channel, i.title, MAX(b.on_date) AS postedon
FROM board_confirmations b
JOIN placements p ON p.item_id = b.item_id AND p.channel = b.channel
JOIN items i ON i.id = b.item_id
WHERE b.channel = @channel AND b.kind = 'posted'
GROUP BY b.item_id, b.channel, i.title
ORDER BY b.item_id;
