SELECT channel, status, COUNT(*) AS count FROM deliveries GROUP BY channel, status ORDER BY channel, status;
