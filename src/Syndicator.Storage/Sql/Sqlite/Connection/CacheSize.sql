-- Per connection: the page cache, in KiB (a negative cache_size is KiB, a positive one pages). {kib} is
-- Storage:SqliteCacheKiB, a validated integer; the store keeps 1 + Storage:SqliteReaders connections, so this bounds
-- the store's page caches together.
PRAGMA cache_size = -{kib};
