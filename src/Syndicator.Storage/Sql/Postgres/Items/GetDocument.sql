SELECT document FROM item_revisions WHERE item_id = @itemId AND revision = @revision;
