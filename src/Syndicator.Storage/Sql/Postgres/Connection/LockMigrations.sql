-- Several nodes starting at once migrate one after another; held by the session until unlocked.
SELECT pg_advisory_lock(hashtextextended('syndicator.migrations', 0));
