-- Per connection: wait for the write lock instead of failing, enforce foreign keys, and fsync at checkpoints
-- only (safe with WAL: a power cut may lose the last commits, never corrupt the file).
PRAGMA busy_timeout = 5000;
PRAGMA foreign_keys = ON;
PRAGMA synchronous = NORMAL;
