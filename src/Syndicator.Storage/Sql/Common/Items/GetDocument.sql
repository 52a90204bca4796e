-- The revision, and the item's 索引号 (given in the accepting transaction after the document was written).
SELECT r.document AS Document, i.index_number AS IndexNumber
FROM item_revisions r JOIN items i ON i.id = r.item_id
WHERE r.item_id = @itemId AND r.revision = @revision;
