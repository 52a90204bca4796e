-- Writes to one item (accept, republish, withdraw, retry) run one at a time: the lock is held until the
-- transaction ends. Items that are not yet stored have no row to lock, hence an advisory lock on the id.
SELECT pg_advisory_xact_lock(hashtextextended('syndicator.item:' || @itemId, 0));
