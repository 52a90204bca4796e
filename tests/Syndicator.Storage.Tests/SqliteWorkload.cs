using Microsoft.Data.Sqlite;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;
using Syndicator.Testing;

namespace Syndicator.Storage.Tests;

/// <summary>
/// The store's own work for items on four channels — accepted, each delivery claimed and completed — with every SQL
/// statement SQLite runs counted on every connection (SQLite's statement trace, attached as each connection opens).
/// </summary>
internal sealed class SqliteWorkload
{
    private static readonly string[] Channels = ["portal", "bureau", "approval", "wechat"];
    private static readonly DateTimeOffset T0 = Some.Instant();

    private readonly ComposedStore _store;
    private long _statements;
    private long _begins;
    private long _pragmas;

    public SqliteWorkload(SqliteDatabase database, ComposedStore store)
    {
        _store = store;
        database.Opened = Trace;
    }

    /// <summary>Statements, transactions begun and pragmas run since the last <see cref="Reset"/>.</summary>
    public (long Statements, long Transactions, long Pragmas) Counted =>
        (Interlocked.Read(ref _statements), Interlocked.Read(ref _begins), Interlocked.Read(ref _pragmas));

    public void Reset()
    {
        Interlocked.Exchange(ref _statements, 0);
        Interlocked.Exchange(ref _begins, 0);
        Interlocked.Exchange(ref _pragmas, 0);
    }

    public async Task AcceptAsync(int items)
    {
        for (var i = 0; i < items; i++)
        {
            var outcome = await _store.Items.AcceptAsync(Some.Item(channels: Channels, acceptedAt: T0), "tester", null, CancellationToken.None);
            if (outcome.Kind != AcceptKind.Accepted)
            {
                throw new InvalidOperationException($"Not accepted: {outcome.Kind}.");
            }
        }
    }

    /// <summary>Claims every due delivery, one at a time as a lane would, and completes it as sent; returns how many.</summary>
    public async Task<int> DeliverAllAsync()
    {
        var delivered = 0;
        foreach (var channel in Channels)
        {
            while ((await _store.Deliveries.ClaimAsync(channel, "w1", 1, T0, TimeSpan.FromMinutes(1), CancellationToken.None)) is [var lease])
            {
                var transition = new Transition(DeliveryStatus.Succeeded, 1, null, null, "r-" + delivered, new Uri("https://example.test/a/" + delivered));
                var done = await _store.Deliveries.CompleteAsync(lease, new TryResult(
                    lease.Delivery.Operation,
                    transition,
                    new Attempt(lease.Delivery.Id, 1, T0, T0, "succeeded", "200", "done"),
                    T0,
                    null), CancellationToken.None);
                if (!done)
                {
                    throw new InvalidOperationException("Lease lost.");
                }

                delivered++;
            }
        }

        return delivered;
    }

    private void Trace(SqliteConnection connection) =>
        SQLitePCL.raw.sqlite3_trace(connection.Handle, (_, sql) =>
        {
            if (sql.StartsWith("-- TRIGGER ", StringComparison.Ordinal))
            {
                return; // a trigger starting, inside a statement already counted
            }

            Interlocked.Increment(ref _statements);
            var text = WithoutComments(sql);
            if (text.StartsWith("BEGIN", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _begins);
            }
            else if (text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _pragmas);
            }
        }, null);

    private static string WithoutComments(string sql)
    {
        var lines = sql.Split('\n').SkipWhile(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal) || l.Trim().Length == 0);
        return string.Join('\n', lines).TrimStart();
    }
}
