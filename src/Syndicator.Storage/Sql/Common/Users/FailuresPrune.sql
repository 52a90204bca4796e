-- Counts with no failure since @staleBefore and no lock in force are forgotten: the table holds recent guessing only.
DELETE FROM sign_in_failures WHERE updated_at < @staleBefore AND (locked_until IS NULL OR locked_until <= @now);
