-- Items published per channel and category in [@from, @to): a publish delivery that succeeded, by its success time
-- (updated_at of a succeeded delivery). Each item once per channel. Without @includeWithdrawn only items still live
-- there (a placement row) count. Served by ix_deliveries_channel_status.
SELECT d.channel AS channel, i.category AS category, COUNT(DISTINCT d.item_id) AS published
FROM deliveries d
JOIN items i ON i.id = d.item_id
WHERE d.operation = 'publish' AND d.status = 'succeeded'
  AND d.updated_at >= @from AND d.updated_at < @to
  AND (@includeWithdrawn
       OR EXISTS (SELECT 1 FROM placements p WHERE p.item_id = d.item_id AND p.channel = d.channel))
GROUP BY d.channel, i.category
ORDER BY d.channel, i.category;
