INSERT INTO audit (at, actor, action, item_id, delivery_id, channel, reason, detail)
VALUES (@at, @actor, @action, @itemId, @deliveryId, @channel, @reason, @detail);
