-- Notice boards (信息公开栏): what operators confirmed when a notice went up or came down, one row per hand-off
-- delivery they completed, and the photo they attached. The placement stays the record of what is live; these rows
-- say since when, on paper.
CREATE TABLE board_confirmations (
  delivery_id TEXT NOT NULL PRIMARY KEY REFERENCES deliveries (id),
  item_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('posted', 'taken_down')),
  on_date TEXT NOT NULL,             -- yyyy-MM-dd, China's calendar, as the operator gave it
  on_at INTEGER NOT NULL,            -- that day's start in China (UTC+8), unix ms: the annual figures count by it
  photo_name TEXT NULL,
  photo_type TEXT NULL,
  photo_bytes INTEGER NULL,
  confirmed_by TEXT NOT NULL,
  confirmed_at INTEGER NOT NULL
);

-- An item's history (console, take-down checks) and a board's notices still up (the display-period watchdog).
CREATE INDEX ix_board_confirmations_item ON board_confirmations (item_id, channel, kind, on_date);

-- The annual figures: postings by day.
CREATE INDEX ix_board_confirmations_on ON board_confirmations (kind, on_at);

-- Kept apart so that reading confirmations never reads a photo.
CREATE TABLE board_photos (
  delivery_id TEXT NOT NULL PRIMARY KEY REFERENCES board_confirmations (delivery_id),
  content BLOB NOT NULL
);
