DELETE FROM health_checks WHERE checked_at < @before;
