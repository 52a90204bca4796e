-- A new status: 1 row only for the writer that changed it (a concurrent writer re-reads the row and finds it equal).
UPDATE tracking
SET revision = @revision, status = @status, detail = @detail, live_title = @liveTitle,
    live_fingerprint = @liveFingerprint, checked_at = @checkedAt, since = @checkedAt
WHERE item_id = @itemId AND channel = @channel AND status <> @status;
