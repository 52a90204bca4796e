-- Per connection: wait for the write lock instead of failing, enforce foreign keys, and fsync the write-ahead log on
-- every commit. With WAL, NORMAL syncs only at checkpoints, so a power cut could lose commits that had already
-- returned — an item answered 202, a "create sent" checkpoint whose loss would make the next try publish twice.
-- FULL makes a returned commit a commit on disk (measured here: about 0.25 ms more per commit).
PRAGMA busy_timeout = 5000;
PRAGMA foreign_keys = ON;
PRAGMA synchronous = FULL;
