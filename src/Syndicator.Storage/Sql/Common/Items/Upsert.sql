INSERT INTO items (id, latest_revision, title, category, index_number, channels, first_accepted_at, accepted_at)
VALUES (@id, @revision, @title, @category, @indexNumber, @channels, @acceptedAt, @acceptedAt)
ON CONFLICT (id) DO UPDATE SET
  latest_revision = excluded.latest_revision,
  title = excluded.title,
  category = excluded.category,
  index_number = excluded.index_number,
  channels = excluded.channels,
  accepted_at = excluded.accepted_at;
