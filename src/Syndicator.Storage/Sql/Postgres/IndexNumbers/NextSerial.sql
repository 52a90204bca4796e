-- The next serial of @counter (1 for a new counter), taken in the accepting transaction.
INSERT INTO index_counters (counter, last_serial) VALUES (@counter, 1)
ON CONFLICT (counter) DO UPDATE SET last_serial = index_counters.last_serial + 1
RETURNING last_serial;
