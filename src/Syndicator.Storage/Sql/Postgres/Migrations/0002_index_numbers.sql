-- 索引号: every number ever given, and the counters serials are drawn from. Rows are never deleted, so a number is
-- never given twice — not even after the item is withdrawn. A counter row is locked by the accepting transaction
-- that draws from it, so concurrent acceptances on any node get consecutive serials.
CREATE TABLE index_numbers (
  number TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  item_id TEXT COLLATE "C" NOT NULL UNIQUE,
  assigned_at BIGINT NOT NULL
);

CREATE TABLE index_counters (
  counter TEXT COLLATE "C" NOT NULL PRIMARY KEY,   -- "{code}/{year}", or "{code}" when serials do not reset each year
  last_serial BIGINT NOT NULL
);
