-- Plans that stay flat under a backlog (docs/architecture.md, "Hot statements and their plans").

-- When a delivery can next be taken: its next attempt while it waits (pending, awaiting confirmation), its lease's
-- expiry while it runs. One column, so that one range scan of one index finds every due delivery of a channel.
ALTER TABLE deliveries ADD COLUMN due_at INTEGER
  GENERATED ALWAYS AS (CASE WHEN status = 'in_progress' THEN lease_expires_at ELSE next_attempt_at END) VIRTUAL;

-- The claim queue, in claim order. Queries repeat this WHERE term verbatim so that SQLite can use the partial index.
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
-- not superseded. Only a status change can change either figure, so the triggers below are the only writers.
CREATE TABLE delivery_counts (
  channel TEXT NOT NULL PRIMARY KEY,
  pending INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0
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

-- No IN lists in the triggers: SQLite builds each as a table at every firing, even where the WHEN is false.

-- A new delivery is the latest of its (item, channel): it is current unless superseded, and the one current before
-- it (the latest earlier one not superseded) stops counting.
CREATE TRIGGER tr_deliveries_counts_insert AFTER INSERT ON deliveries
BEGIN
  INSERT INTO delivery_counts (channel, pending, failed)
  VALUES (
    NEW.channel,
    (NEW.status = 'pending' OR NEW.status = 'in_progress' OR NEW.status = 'awaiting_confirmation'),
    CASE WHEN NEW.status = 'superseded' THEN 0
         ELSE ((NEW.status = 'failed' OR NEW.status = 'unconfirmed'))
              - COALESCE((SELECT (p.status = 'failed' OR p.status = 'unconfirmed') FROM deliveries p
                          WHERE p.item_id = NEW.item_id AND p.channel = NEW.channel AND p.seq < NEW.seq
                            AND p.status <> 'superseded'
                          ORDER BY p.seq DESC LIMIT 1), 0)
    END)
  ON CONFLICT (channel) DO UPDATE SET pending = pending + excluded.pending, failed = failed + excluded.failed;
END;

-- A status change moves pending when it enters or leaves the active statuses, and failed when the delivery is the
-- latest not superseded of its (item, channel) before or after (becoming superseded hands "current" back to the
-- one before it). A change between active statuses (a claim, a release, a confirmation) moves neither and does not
-- fire.
CREATE TRIGGER tr_deliveries_counts_update AFTER UPDATE OF status ON deliveries
WHEN OLD.status <> NEW.status
  AND NOT ((OLD.status = 'pending' OR OLD.status = 'in_progress' OR OLD.status = 'awaiting_confirmation')
           AND (NEW.status = 'pending' OR NEW.status = 'in_progress' OR NEW.status = 'awaiting_confirmation'))
BEGIN
  INSERT INTO delivery_counts (channel, pending, failed)
  VALUES (
    NEW.channel,
    ((NEW.status = 'pending' OR NEW.status = 'in_progress' OR NEW.status = 'awaiting_confirmation'))
      - ((OLD.status = 'pending' OR OLD.status = 'in_progress' OR OLD.status = 'awaiting_confirmation')),
    CASE WHEN NOT ((OLD.status = 'failed' OR OLD.status = 'unconfirmed' OR OLD.status = 'superseded')
                   OR (NEW.status = 'failed' OR NEW.status = 'unconfirmed' OR NEW.status = 'superseded')) THEN 0
         WHEN EXISTS (SELECT 1 FROM deliveries l
                      WHERE l.item_id = NEW.item_id AND l.channel = NEW.channel AND l.seq > NEW.seq
                        AND l.status <> 'superseded') THEN 0
         ELSE (CASE WHEN NEW.status <> 'superseded' THEN (NEW.status = 'failed' OR NEW.status = 'unconfirmed')
                    ELSE COALESCE((SELECT (p.status = 'failed' OR p.status = 'unconfirmed') FROM deliveries p
                                   WHERE p.item_id = NEW.item_id AND p.channel = NEW.channel AND p.seq < NEW.seq
                                     AND p.status <> 'superseded'
                                   ORDER BY p.seq DESC LIMIT 1), 0) END)
              - (CASE WHEN OLD.status <> 'superseded' THEN (OLD.status = 'failed' OR OLD.status = 'unconfirmed')
                      ELSE COALESCE((SELECT (p.status = 'failed' OR p.status = 'unconfirmed') FROM deliveries p
                                     WHERE p.item_id = NEW.item_id AND p.channel = NEW.channel AND p.seq < NEW.seq
                                       AND p.status <> 'superseded'
                                     ORDER BY p.seq DESC LIMIT 1), 0) END)
    END)
  ON CONFLICT (channel) DO UPDATE SET pending = pending + excluded.pending, failed = failed + excluded.failed;
END;
