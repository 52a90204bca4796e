namespace Syndicator.Storage.Tests.Plans;

internal static partial class PlanWorkload
{
    /// <summary>
    /// Five events per item (6,250), queued for <c>office</c>, and item.live also for <c>archive</c>: those of items
    /// 1-1200 delivered (every 97th failed), the rest waiting (the last ten running). Waiting ones fall due at their
    /// time, after the plans' <c>now</c>.
    /// </summary>
    private static readonly string[] EventLoad =
    [
        """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1250),
        k(k, type) AS (VALUES (1, 'item.accepted'), (2, 'delivery.succeeded'), (3, 'delivery.succeeded'), (4, 'item.live'), (5, 'delivery.failed'))
        INSERT INTO events (id, type, item_id, revision, channel, channels, occurred_at, payload)
        SELECT 'evt' || i || '-' || k.k, k.type, 'item' || i, 1, CASE WHEN k.k IN (2, 3, 5) THEN 'portal' END, '["portal"]', i * 1000 + k.k, '{}'
        FROM n CROSS JOIN k
        ORDER BY i, k.k
        """,
        """
        WITH s(name) AS (VALUES ('office'), ('archive'))
        INSERT INTO event_deliveries (subscription, event_seq, status, attempts, retry_base, due_at, lease_owner, lease_token, created_at, updated_at, delivered_at)
        SELECT s.name, e.seq,
               CASE WHEN e.occurred_at > 1240000 THEN 'in_progress'
                    WHEN e.occurred_at > 1200000 THEN 'pending'
                    WHEN e.seq % 97 = 0 THEN 'failed'
                    ELSE 'succeeded' END,
               1, 0,
               CASE WHEN e.occurred_at > 1200000 THEN e.occurred_at END,
               CASE WHEN e.occurred_at > 1240000 THEN 'lane' END,
               1, e.occurred_at, e.occurred_at,
               CASE WHEN e.occurred_at <= 1200000 AND e.seq % 97 <> 0 THEN e.occurred_at END
        FROM events e CROSS JOIN s
        WHERE s.name = 'office' OR e.type = 'item.live'
        """,
    ];
}
