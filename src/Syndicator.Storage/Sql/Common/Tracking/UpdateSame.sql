-- The same status again: refresh what was seen and when, keep since.
UPDATE tracking
SET revision = @revision, detail = @detail, live_title = @liveTitle, live_fingerprint = @liveFingerprint,
    checked_at = @checkedAt
WHERE item_id = @itemId AND channel = @channel AND status = @status;
