-- 索引号: every number ever given, and the counters serials are drawn from. Rows are never deleted, so a number is
-- never given twice — not even after the item is withdrawn.
CREATE TABLE index_numbers (
  number TEXT NOT NULL PRIMARY KEY,
  item_id TEXT NOT NULL UNIQUE,
  assigned_at INTEGER NOT NULL
);

CREATE TABLE index_counters (
  counter TEXT NOT NULL PRIMARY KEY,   -- "{code}/{year}", or "{code}" when serials do not reset each year
  last_serial INTEGER NOT NULL
);
