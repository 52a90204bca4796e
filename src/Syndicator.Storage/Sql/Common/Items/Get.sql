SELECT id, latest_revision, title, category, index_number, channels, accepted_at
FROM items
WHERE id = @itemId;
