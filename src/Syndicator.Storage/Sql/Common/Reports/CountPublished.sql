-- Items published per channel and category in [@from, @to): a publish delivery that succeeded, by its success time
-- (updated_at of a succeeded delivery) — or, on a notice board, by the day the operator confirmed it was posted
-- (board_confirmations.on_at), whenever the confirmation was made. Each item once per channel. Without
-- @includeWithdrawn (1 or 0) only items still live there (a placement row) count. The first part is served by
-- ix_deliveries_channel_status, the second by ix_board_confirmations_on.
SELECT x.channel AS channel, i.category AS category, COUNT(DISTINCT x.item_id) AS published
FROM (
  SELECT d.channel, d.item_id
  FROM deliveries d
  WHERE d.operation = 'publish' AND d.status = 'succeeded'
    AND d.updated_at >= @from AND d.updated_at < @to
    AND NOT EXISTS (SELECT 1 FROM board_confirmations b WHERE b.delivery_id = d.id)
  UNION ALL
  SELECT d.channel, d.item_id
  FROM board_confirmations b
  JOIN deliveries d ON d.id = b.delivery_id
  WHERE b.kind = 'posted' AND b.on_at >= @from AND b.on_at < @to
    AND d.operation = 'publish' AND d.status = 'succeeded'
) x
JOIN items i ON i.id = x.item_id
WHERE (@includeWithdrawn = 1
       OR EXISTS (SELECT 1 FROM placements p WHERE p.item_id = x.item_id AND p.channel = x.channel))
GROUP BY x.channel, i.category
ORDER BY x.channel, i.category;
