-- Plans that stay flat under a backlog (docs/architecture.md, "Hot statements and their plans").

-- When a delivery can next be taken: its next attempt while it waits (pending, awaiting confirmation), its lease's
-- expiry while it runs. One column, so that one range scan of one index finds every due delivery of a channel.
ALTER TABLE deliveries ADD COLUMN due_at BIGINT
  GENERATED ALWAYS AS (CASE WHEN status = 'in_progress' THEN lease_expires_at ELSE next_attempt_at END) STORED;

-- The claim queue, in claim order: only active rows, so the index stays small however many have finished.
DROP INDEX ix_deliveries_queue;
CREATE INDEX ix_deliveries_due ON deliveries (channel, due_at, seq)
  WHERE status IN ('pending', 'in_progress', 'awaiting_confirmation');

-- Confirmations waiting for their poll: claimed before new sends, found without walking the queue.
CREATE INDEX ix_deliveries_confirming ON deliveries (channel, due_at, seq) WHERE status = 'awaiting_confirmation';

-- Everything of one (item, channel), by status then order: supersede (item, channel, 'pending') and the claim's
-- "earlier one still active" guard are probes of a few entries, never a walk of the channel.
DROP INDEX ix_deliveries_item_channel;
CREATE INDEX ix_deliveries_item_status ON deliveries (item_id, channel, status, seq);

-- The oldest active delivery of a channel: the first entry, not a count.
CREATE INDEX ix_deliveries_active_since ON deliveries (channel, created_at)
  WHERE status IN ('pending', 'in_progress', 'awaiting_confirmation');

-- Channel counts kept as the deliveries change, so reading them costs the same at any backlog.
-- pending: deliveries pending, in progress or awaiting confirmation.
-- failed: failed or unconfirmed deliveries still current, i.e. the latest delivery of their (item, channel) that is
-- not superseded. Only a status change can change either figure, so the trigger below is the only writer.
CREATE TABLE delivery_counts (
  channel TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  pending BIGINT NOT NULL DEFAULT 0,
  failed BIGINT NOT NULL DEFAULT 0
);

INSERT INTO delivery_counts (channel, pending, failed)
SELECT c.channel,
  (SELECT COUNT(*) FROM deliveries d
   WHERE d.channel = c.channel AND d.status IN ('pending', 'in_progress', 'awaiting_confirmation')),
  (SELECT COUNT(*) FROM deliveries d
   WHERE d.channel = c.channel AND d.status IN ('failed', 'unconfirmed')
     AND NOT EXISTS (SELECT 1 FROM deliveries l
                     WHERE l.item_id = d.item_id AND l.channel = d.channel AND l.seq > d.seq AND l.status <> 'superseded'))
FROM (SELECT DISTINCT channel FROM deliveries) c;

-- The channel's counter row is locked first, and what decides "failed" is read after the lock: transactions that
-- change deliveries of one channel take turns here, so each reads the others' committed changes (READ COMMITTED
-- takes a new snapshot per statement) and no change is counted twice or missed.
CREATE FUNCTION delivery_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_status TEXT := CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END;
  pending_delta BIGINT;
  failed_delta BIGINT := 0;
  before_failed BIGINT;
  after_failed BIGINT;
  previous_failed BIGINT;
BEGIN
  pending_delta := (NEW.status IN ('pending', 'in_progress', 'awaiting_confirmation'))::int
    - COALESCE((old_status IN ('pending', 'in_progress', 'awaiting_confirmation'))::int, 0);
  IF pending_delta = 0 AND TG_OP = 'UPDATE'
     AND NOT (old_status IN ('failed', 'unconfirmed', 'superseded') OR NEW.status IN ('failed', 'unconfirmed', 'superseded')) THEN
    RETURN NULL; -- a claim or a release: neither figure moves
  END IF;

  INSERT INTO delivery_counts (channel) VALUES (NEW.channel) ON CONFLICT (channel) DO NOTHING;
  PERFORM 1 FROM delivery_counts WHERE channel = NEW.channel FOR UPDATE;

  IF NOT EXISTS (SELECT 1 FROM deliveries l
                 WHERE l.item_id = NEW.item_id AND l.channel = NEW.channel AND l.seq > NEW.seq
                   AND l.status <> 'superseded') THEN
    -- This delivery is the latest of its (item, channel): before and after, the current one is it or the one before.
    SELECT (p.status IN ('failed', 'unconfirmed'))::int INTO previous_failed
    FROM deliveries p
    WHERE p.item_id = NEW.item_id AND p.channel = NEW.channel AND p.seq < NEW.seq AND p.status <> 'superseded'
    ORDER BY p.seq DESC LIMIT 1;
    previous_failed := COALESCE(previous_failed, 0);
    before_failed := CASE WHEN old_status IS NULL OR old_status = 'superseded' THEN previous_failed
                          ELSE (old_status IN ('failed', 'unconfirmed'))::int END;
    after_failed := CASE WHEN NEW.status = 'superseded' THEN previous_failed
                         ELSE (NEW.status IN ('failed', 'unconfirmed'))::int END;
    failed_delta := after_failed - before_failed;
  END IF;

  IF pending_delta <> 0 OR failed_delta <> 0 THEN
    UPDATE delivery_counts
    SET pending = pending + pending_delta, failed = failed + failed_delta
    WHERE channel = NEW.channel;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER tr_deliveries_counts_insert AFTER INSERT ON deliveries
  FOR EACH ROW EXECUTE FUNCTION delivery_counts_track();
CREATE TRIGGER tr_deliveries_counts_update AFTER UPDATE OF status ON deliveries
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION delivery_counts_track();
