INSERT INTO item_revisions (item_id, revision, content_hash, document, accepted_at)
VALUES (@itemId, @revision, @contentHash, @document, @acceptedAt);
