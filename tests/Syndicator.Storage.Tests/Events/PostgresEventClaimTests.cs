using System.Collections.Concurrent;
using Npgsql;
using Syndicator.Core.Events;
using Syndicator.Testing;
using Syndicator.Testing.Postgres;

namespace Syndicator.Storage.Tests.Events;

/// <summary>Several nodes claiming one subscription's events on one PostgreSQL server.</summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class PostgresEventClaimTests(PostgresCluster cluster) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = Some.Instant();
    private static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(1);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly EventRoutes Office = new(Microsoft.Extensions.Options.Options.Create(
        new EventsOptions { Subscriptions = { ["office"] = new EventSubscriptionOptions() } }));

    private readonly List<EventsUnderTest> _nodes = [];
    private string _database = "";

    public async Task InitializeAsync() => _database = await cluster.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await cluster.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task ClaimAsync_TwoNodesRacingInSmallBatches_NoEventClaimedTwice()
    {
        var (a, b) = (await NodeAsync(), await NodeAsync());
        const int count = 200;
        for (var i = 0; i < count; i++)
        {
            await a.Items.AcceptAsync(Some.Item(acceptedAt: T0), "tester", Ct);
        }

        var claimed = new ConcurrentBag<long>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(n => Task.Run(async () =>
        {
            var node = n % 2 == 0 ? a : b;
            while (await node.Events.ClaimAsync("office", $"node{n % 2}-w{n}", 3, T0, LeaseFor, Ct) is { Count: > 0 } leases)
            {
                foreach (var lease in leases)
                {
                    claimed.Add(lease.Event.Sequence);
                }
            }
        })));

        Assert.Equal(count, claimed.Distinct().Count());
        Assert.Equal(count, claimed.Count);

        // Every row was leased exactly once: its fencing token moved from 0 to 1, never further.
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM event_deliveries WHERE lease_token <> 1 OR status <> 'in_progress'"));
    }

    [Fact]
    public async Task ClaimAsync_RowLockedByAnotherNodesClaim_PassedOverNotWaitedFor()
    {
        var node = await NodeAsync();
        var first = Some.Item(acceptedAt: T0);
        await node.Items.AcceptAsync(first, "tester", Ct);
        await node.Items.AcceptAsync(Some.Item(acceptedAt: T0.AddSeconds(1)), "tester", Ct);
        await using var other = new NpgsqlConnection(_database);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var lockFirst = new NpgsqlCommand(
            "SELECT event_seq FROM event_deliveries ORDER BY event_seq LIMIT 1 FOR UPDATE", other, transaction))
        {
            await lockFirst.ExecuteScalarAsync();
        }

        var claim = node.Events.ClaimAsync("office", "w1", 10, T0.AddMinutes(1), LeaseFor, Ct);
        var answered = await Task.WhenAny(claim, Task.Delay(TimeSpan.FromSeconds(10))) == claim;
        await transaction.RollbackAsync();

        Assert.True(answered, "the claim waited for a row another transaction holds");
        var lease = Assert.Single(await claim);
        Assert.NotEqual(first.Id, lease.Event.ItemId);
    }

    private async Task<EventsUnderTest> NodeAsync()
    {
        var node = EventsUnderTest.Open(new StorageOptions { Provider = "Postgres", ConnectionString = _database }, Office, _database);
        _nodes.Add(node);
        await node.Lifecycle.MigrateAsync(Ct);
        return node;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
