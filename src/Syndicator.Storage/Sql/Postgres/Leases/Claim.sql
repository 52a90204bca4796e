-- Pick the due deliveries of the channel and take them under a new lease token, in one statement.
-- Due: pending or awaiting confirmation whose time has come, or in progress under an expired lease (a dead worker's):
-- due_at is the one instant for all three, so each pick is a range scan of due rows only, in claim order.
-- Confirmations come first when both are due (a WeChat article waiting to be confirmed goes before new sends), then a
-- dead worker's deliveries (in progress under an expired lease: they resume within the lease, not behind the backlog),
-- then pending ones.
-- Taking one over from an expired lease counts a try that never finished (crashes).
-- Never a delivery while an earlier one of the same (item, channel) is still active: revisions go out in order.
-- FOR UPDATE SKIP LOCKED: rows another node is claiming (or writing) right now are passed over, not waited for,
-- and a row whose committed state changed since the snapshot is re-checked against the WHERE before it is taken.
-- (A locking clause cannot sit under UNION, so each pick is its own CTE; a row picked but not taken stays locked,
-- and passed over by other claimers, only until this statement's transaction ends.)
WITH confirming AS (
  SELECT d.due_at, d.seq
  FROM deliveries d
  WHERE d.channel = @channel
    AND d.status = 'awaiting_confirmation'
    AND d.due_at <= @now
    AND NOT EXISTS (
      SELECT 1 FROM deliveries e
      WHERE e.item_id = d.item_id AND e.channel = d.channel AND e.seq < d.seq
        AND e.status IN ('pending', 'in_progress', 'awaiting_confirmation'))
  ORDER BY d.due_at, d.seq
  LIMIT @max
  FOR UPDATE SKIP LOCKED),
expired AS (
  SELECT d.due_at, d.seq
  FROM deliveries d
  WHERE d.channel = @channel
    AND d.status = 'in_progress'
    AND d.due_at < @now
    AND NOT EXISTS (
      SELECT 1 FROM deliveries e
      WHERE e.item_id = d.item_id AND e.channel = d.channel AND e.seq < d.seq
        AND e.status IN ('pending', 'in_progress', 'awaiting_confirmation'))
  ORDER BY d.due_at, d.seq
  LIMIT @max
  FOR UPDATE SKIP LOCKED),
waiting AS (
  SELECT d.due_at, d.seq
  FROM deliveries d
  WHERE d.channel = @channel
    AND d.status IN ('pending', 'in_progress', 'awaiting_confirmation')
    AND d.due_at <= @now
    AND d.status = 'pending'
    AND NOT EXISTS (
      SELECT 1 FROM deliveries e
      WHERE e.item_id = d.item_id AND e.channel = d.channel AND e.seq < d.seq
        AND e.status IN ('pending', 'in_progress', 'awaiting_confirmation'))
  ORDER BY d.due_at, d.seq
  LIMIT @max
  FOR UPDATE SKIP LOCKED),
picked AS (
  SELECT seq FROM (
    SELECT 0 AS rank, due_at, seq FROM confirming
    UNION ALL
    SELECT 1 AS rank, due_at, seq FROM expired
    UNION ALL
    SELECT 2 AS rank, due_at, seq FROM waiting) AS due
  ORDER BY rank, due_at, seq
  LIMIT @max)
UPDATE deliveries u
SET crashes = u.crashes + CASE WHEN u.status = 'in_progress' THEN 1 ELSE 0 END,
    status = 'in_progress',
    lease_owner = @owner,
    lease_expires_at = @expiresAt,
    lease_token = u.lease_token + 1,
    updated_at = @now
FROM picked
WHERE u.seq = picked.seq
RETURNING u.*;
