SELECT content_hash FROM item_revisions WHERE item_id = @itemId AND revision = @revision;
