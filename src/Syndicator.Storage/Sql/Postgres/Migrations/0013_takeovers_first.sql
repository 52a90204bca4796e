-- A dead worker's deliveries (in progress under an expired lease) are claimed before new work: ordered by due time
-- alone, their lease expiry put them behind every pending delivery submitted before it, so under a backlog a crashed
-- node's tries waited for the whole queue instead of resuming within the lease. The running rows are few (at most
-- each node's concurrency), and this index lets the claim read only those that have expired.
CREATE INDEX ix_deliveries_running ON deliveries (channel, due_at, seq) WHERE status = 'in_progress';
