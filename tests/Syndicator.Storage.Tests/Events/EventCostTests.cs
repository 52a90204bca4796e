using System.Diagnostics;
using Dapper;
using Syndicator.Core.Events;
using Syndicator.Storage.Sqlite;
using Xunit.Abstractions;

namespace Syndicator.Storage.Tests.Events;

/// <summary>
/// What recording events adds to an accept and to a delivery's completion on SQLite: the statements SQLite runs
/// (its own trace) and the time, with no subscription and with one that takes every event. A measurement written to
/// the test's output, not a bound: nothing here asserts a time.
/// </summary>
public sealed class EventCostTests(ITestOutputHelper output)
{
    private const int Items = 100;

    public static TheoryData<string> Subscriptions() => ["none", "one"];

    [Theory]
    [MemberData(nameof(Subscriptions))]
    public async Task AcceptAndDeliver_WithAndWithoutASubscription_CostWritten(string subscriptions)
    {
        var routes = subscriptions == "none"
            ? EventRoutes.None
            : new EventRoutes(Microsoft.Extensions.Options.Options.Create(
                new EventsOptions { Subscriptions = { ["office"] = new EventSubscriptionOptions() } }));
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.Path);
        var database = new SqliteDatabase($"Data Source={Path.Combine(directory.Path, "t.db")}");
        using var store = ComposedStore.Over(database, routes);
        var workload = new SqliteWorkload(database, store);
        await store.Lifecycle.MigrateAsync(CancellationToken.None);
        await workload.AcceptAsync(5);
        await workload.DeliverAllAsync();
        workload.Reset();

        var clock = Stopwatch.StartNew();
        await workload.AcceptAsync(Items);
        var accepting = clock.Elapsed;
        var accepted = workload.Counted;
        workload.Reset();
        clock.Restart();
        var deliveries = await workload.DeliverAllAsync();
        var delivering = clock.Elapsed;
        var delivered = workload.Counted;

        output.WriteLine($"subscriptions: {subscriptions}");
        output.WriteLine($"per accept (4 channels): {accepted.Statements / (double)Items:F1} statements, {accepting.TotalMilliseconds / Items:F2} ms");
        output.WriteLine($"per delivery claimed and completed: {delivered.Statements / (double)deliveries:F1} statements, {delivering.TotalMilliseconds / deliveries:F2} ms");
        Assert.Equal(Items * 4, deliveries);

        // Each item: item.accepted, delivery.succeeded on each of its four channels, item.live.
        Assert.Equal(subscriptions == "none" ? 0 : (Items + 5) * 6, await RecordedAsync(database));
    }

    private static Task<long> RecordedAsync(SqliteDatabase database) =>
        database.ReadAsync(s => s.Raw.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM events", transaction: s.Raw.Transaction), CancellationToken.None);
}
