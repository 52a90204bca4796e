using System.Text.RegularExpressions;
using Dapper;

namespace Syndicator.Storage.Tests.Plans;

/// <summary>
/// The rows the plans are read against (a backlog: 1,250 items on four channels, 5,000 deliveries of which about
/// half are waiting, with their placements, attempts and audit; their events, <see cref="EventLoad"/>), and the
/// arguments each statement is explained with.
/// The same SQL loads both providers.
/// </summary>
internal static partial class PlanWorkload
{
    public const int Items = 1250;

    /// <summary>Items 1-600 are live everywhere; the rest wait (every 50th failed, every 25th on WeChat awaiting confirmation).</summary>
    public static string[] Load => [.. QueueLoad, .. EventLoad];

    private static readonly string[] QueueLoad =
    [
        """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1250)
        INSERT INTO items (id, latest_revision, title, category, index_number, channels, first_accepted_at, accepted_at)
        SELECT 'item' || i, 1, 'title', 'work', NULL, '[]', i, i FROM n
        """,
        "INSERT INTO item_revisions (item_id, revision, content_hash, document, accepted_at) SELECT id, 1, 'hash', '{}', accepted_at FROM items",
        """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1250),
        c(channel) AS (VALUES ('approval'), ('bureau'), ('portal'), ('wechat'))
        INSERT INTO deliveries (id, item_id, revision, channel, operation, status, attempts, next_attempt_at, created_at, updated_at)
        SELECT 'd' || i || c.channel, 'item' || i, 1, c.channel, 'publish',
               CASE WHEN i <= 600 THEN 'succeeded'
                    WHEN i % 50 = 0 THEN 'failed'
                    WHEN c.channel = 'wechat' AND i % 25 = 0 THEN 'awaiting_confirmation'
                    ELSE 'pending' END,
               0, i * 1000, i, i
        FROM n CROSS JOIN c
        ORDER BY i, c.channel
        """,
        """
        INSERT INTO placements (item_id, channel, revision, remote_id, url, updated_at)
        SELECT item_id, channel, 1, 'r' || id, NULL, updated_at FROM deliveries WHERE status = 'succeeded'
        """,
        """
        INSERT INTO attempts (delivery_id, number, started_at, ended_at, outcome)
        SELECT id, 1, updated_at, updated_at, status FROM deliveries WHERE status IN ('succeeded', 'failed')
        """,
        "INSERT INTO index_numbers (number, item_id, assigned_at) SELECT '000000000/2026-' || id, id, accepted_at FROM items",
        "INSERT INTO audit (at, actor, action, item_id) SELECT accepted_at, 'approval-system', 'item.accepted', id FROM items",
    ];

    /// <summary>Values for every parameter a hot statement takes: a waiting item of the portal, due at 700 s.</summary>
    private static readonly Dictionary<string, object?> Values = new(StringComparer.Ordinal)
    {
        ["channel"] = "portal",
        ["itemId"] = "item700",
        ["id"] = "d700portal",
        ["deliveryId"] = "d700portal",
        ["seq"] = 2800L,
        ["now"] = 700_000L,
        ["owner"] = "lane",
        ["max"] = 8,
        ["expiresAt"] = 760_000L,
        ["until"] = 760_000L,
        ["token"] = 1L,
        ["checkpoint"] = "{}",
        ["status"] = "succeeded",
        ["operation"] = "publish",
        ["attempts"] = 1,
        ["nextAttemptAt"] = 800_000L,
        ["lastError"] = "error",
        ["remoteId"] = "remote",
        ["url"] = "https://example.test/a",
        ["revision"] = 2,
        ["contentHash"] = "hash",
        ["document"] = "{}",
        ["acceptedAt"] = 700_000L,
        ["title"] = "title",
        ["category"] = "work",
        ["indexNumber"] = "000000000/2026-00001",
        ["channels"] = "[]",
        ["limit"] = 50,
        ["reason"] = "reason",
        ["since"] = 1L,
        ["afterAt"] = 900L,
        ["afterId"] = "item900",
        ["number"] = "000000000/2026-00001",
        ["assignedAt"] = 700_000L,
        ["counter"] = "000000000/2026",
        ["startedAt"] = 700_000L,
        ["endedAt"] = 700_001L,
        ["outcome"] = "succeeded",
        ["code"] = "200",
        ["message"] = "done",
        ["at"] = 700_000L,
        ["actor"] = "tester",
        ["action"] = "item.accepted",
        ["detail"] = "detail",
        ["subscription"] = "office",
        ["type"] = "item.live",
        ["occurredAt"] = 700_000L,
        ["payload"] = "{}",
        ["deliveredAt"] = 700_000L,
        ["after"] = 2000L,
        ["batch"] = 500,
        ["failedOnly"] = 0,
    };

    /// <summary>The arguments of <paramref name="sql"/>: the parameters it names; id lists in the provider's form (<paramref name="list"/>).</summary>
    public static DynamicParameters Arguments(string name, string sql, Func<string[], object> list)
    {
        var arguments = new DynamicParameters();
        var code = string.Join('\n', sql.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        foreach (var parameter in Parameter().Matches(code).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal))
        {
            arguments.Add(parameter, parameter switch
            {
                "itemIds" => list(["item700", "item701"]),
                "ids" => list(["d700portal", "d701portal"]),
                "number" when name == "Attempts.Insert" => 1,
                _ => Values.TryGetValue(parameter, out var value)
                    ? value
                    : throw new InvalidOperationException($"{name}: no plan value for parameter @{parameter}; add one to {nameof(PlanWorkload)}."),
            });
        }

        return arguments;
    }

    [GeneratedRegex(@"(?<![@\w])@(\w+)")]
    private static partial Regex Parameter();
}
