SELECT pg_advisory_unlock(hashtextextended('syndicator.migrations', 0));
