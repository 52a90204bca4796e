SELECT at, actor, action, item_id, delivery_id, channel, reason, detail
FROM audit
ORDER BY at DESC, id DESC
LIMIT @limit;
