-- Gives @number to @itemId unless it is taken; 1 row changed when given.
INSERT INTO index_numbers (number, item_id, assigned_at)
VALUES (@number, @itemId, @assignedAt)
ON CONFLICT DO NOTHING;
