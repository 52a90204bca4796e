using System.Collections.Concurrent;
using Npgsql;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Syndicator.Testing;
using Syndicator.Testing.Postgres;
using Syndicator.Testing.Storage;

namespace Syndicator.Storage.Tests;

/// <summary>What only a shared PostgreSQL server makes possible: several nodes at once, and the server going away.</summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class PostgresStoreBehaviourTests(PostgresCluster cluster) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = Some.Instant();
    private static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(1);
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly List<StoreUnderTest> _stores = [];
    private string _database = "";

    public async Task InitializeAsync() => _database = await cluster.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await cluster.DropDatabaseAsync(_database);
    }

    /// <summary>
    /// A database set to commit without waiting for the disk (a tuning someone may have applied) still gets durable
    /// commits from the store: each of its connections reads back <c>synchronous_commit = on</c>.
    /// </summary>
    [Fact]
    public async Task Connections_DatabaseSetToAsynchronousCommit_StoreStillCommitsDurably()
    {
        var name = new NpgsqlConnectionStringBuilder(_database).Database;
        await using (var admin = new NpgsqlConnection(cluster.ConnectionString()))
        {
            await admin.OpenAsync();
            await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{name}\" SET synchronous_commit = off", admin);
            await alter.ExecuteNonQueryAsync();
        }

        using var database = new Postgres.PostgresDatabase(_database);
        var seen = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            seen.Add(await database.OnConnectionAsync(async c =>
            {
                await using var show = new NpgsqlCommand("SHOW synchronous_commit", c);
                return (string)(await show.ExecuteScalarAsync())!;
            }, Ct));
        }

        await using (var plain = new NpgsqlConnection(_database))
        {
            await plain.OpenAsync();
            await using var show = new NpgsqlCommand("SHOW synchronous_commit", plain);
            Assert.Equal("off", (string)(await show.ExecuteScalarAsync())!); // the database's own setting, as a bare client sees it
        }

        Assert.All(seen, value => Assert.Equal("on", value));
    }

    [Fact]
    public async Task ClaimAsync_TwoNodesRacingInSmallBatches_NoDeliveryClaimedTwice()
    {
        var (a, b) = (await NodeAsync(), await NodeAsync());
        const int count = 300;
        for (var i = 0; i < count; i++)
        {
            await a.Items.AcceptAsync(Some.Item(channels: ["portal"], acceptedAt: T0), "tester", Ct);
        }

        var claimed = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 12).Select(n => Task.Run(async () =>
        {
            var node = n % 2 == 0 ? a : b;
            while (await node.Deliveries.ClaimAsync("portal", $"node{n % 2}-w{n}", 4, T0, LeaseFor, Ct) is { Count: > 0 } leases)
            {
                foreach (var lease in leases)
                {
                    claimed.Add(lease.Delivery.Id);
                }
            }
        })));

        Assert.Equal(count, claimed.Count);
        Assert.Equal(count, claimed.Distinct().Count());

        // Every row was leased exactly once: its fencing token moved from 0 to 1, never further.
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM deliveries WHERE lease_token <> 1 OR status <> 'in_progress'"));
    }

    [Fact]
    public async Task CompleteAsync_LeaseTakenOverByAnotherNode_FencedOutWriterChangesNothing()
    {
        var (a, b) = (await NodeAsync(), await NodeAsync());
        await a.Items.AcceptAsync(Some.Item(channels: ["portal"], acceptedAt: T0), "tester", Ct);
        var stale = Assert.Single(await a.Deliveries.ClaimAsync("portal", "node-a", 5, T0, LeaseFor, Ct));
        var later = T0 + LeaseFor + TimeSpan.FromSeconds(1);
        var current = Assert.Single(await b.Deliveries.ClaimAsync("portal", "node-b", 5, later, LeaseFor, Ct));

        var renewed = await a.Deliveries.RenewAsync(stale, later.AddHours(1), Ct);
        var saved = await a.Deliveries.SaveCheckpointAsync(stale, Checkpoint.Empty.With("created", "stale"), later, Ct);
        var completed = await a.Deliveries.CompleteAsync(stale, Success(stale, later, "r-stale"), Ct);
        await a.Deliveries.ReleaseAsync(stale, later, Ct);

        Assert.Equal((false, false, false), (renewed, saved, completed));
        Assert.Equal(("node-b", 2L), (await ScalarAsync<string>("SELECT lease_owner FROM deliveries"), current.Token));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM attempts"));
        Assert.Null(await b.Deliveries.GetPlacementAsync(current.Delivery.ItemId, "portal", Ct));
        Assert.True(await b.Deliveries.CompleteAsync(current, Success(current, later, "r-1"), Ct));
        Assert.Equal("r-1", (await b.Deliveries.GetPlacementAsync(current.Delivery.ItemId, "portal", Ct))!.RemoteId);
    }

    [Fact]
    public async Task MigrateAsync_SecondStartAndTwoNodesAtOnce_EachScriptAppliedOnceAndDataKept()
    {
        var (a, b) = (await OpenAsync(), await OpenAsync());
        await Task.WhenAll(a.Lifecycle.MigrateAsync(Ct), b.Lifecycle.MigrateAsync(Ct));
        var item = Some.Item(acceptedAt: T0);
        await a.Items.AcceptAsync(item, "tester", Ct);

        var restarted = await OpenAsync();
        await restarted.Lifecycle.MigrateAsync(Ct);

        Assert.True(await restarted.Lifecycle.IsReadyAsync(Ct));
        Assert.Equal(item.Title, (await restarted.Items.GetAsync(item.Id, Ct))!.Title);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) - count(DISTINCT scriptname) FROM schema_versions"));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM schema_versions WHERE scriptname LIKE '%0001_initial.sql'"));
    }

    [Fact]
    public async Task IsReadyAsync_ServerStoppedThenStarted_FalseThenTrueAndNothingLost()
    {
        var node = await NodeAsync();
        var item = Some.Item(channels: ["portal", "bureau"], acceptedAt: T0);
        await node.Items.AcceptAsync(item, "tester", Ct);
        Assert.True(await node.Lifecycle.IsReadyAsync(Ct));

        await cluster.StopAsync();
        bool whileStopped;
        Exception? claimWhileStopped;
        try
        {
            whileStopped = await node.Lifecycle.IsReadyAsync(Ct);
            claimWhileStopped = await Record.ExceptionAsync(() => node.Deliveries.ClaimAsync("portal", "w1", 5, T0, LeaseFor, Ct));
        }
        finally
        {
            await cluster.StartAsync();
        }

        Assert.False(whileStopped);
        Assert.IsAssignableFrom<NpgsqlException>(claimWhileStopped);
        await WaitUntilAsync(() => node.Lifecycle.IsReadyAsync(Ct));
        var lease = Assert.Single(await node.Deliveries.ClaimAsync("portal", "w1", 5, T0, LeaseFor, Ct));
        Assert.Equal(item.Id, lease.Delivery.ItemId);
        Assert.Equal(2, (await node.Items.GetAsync(item.Id, Ct))!.Deliveries.Count);
    }

    private static TryResult Success(DeliveryLease lease, DateTimeOffset now, string remoteId) => new(
        lease.Delivery.Operation,
        new Transition(DeliveryStatus.Succeeded, 1, null, null, remoteId, new Uri($"https://example.test/{remoteId}")),
        new Attempt(lease.Delivery.Id, 1, now, now, "succeeded", "200", null),
        now,
        null);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The condition did not hold within 30 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>A store instance of its own (its own connection pool), as another node or process would have.</summary>
    private Task<StoreUnderTest> OpenAsync()
    {
        var store = PostgresStoreTests.Open(_database);
        _stores.Add(store);
        return Task.FromResult(store);
    }

    private async Task<StoreUnderTest> NodeAsync()
    {
        var store = await OpenAsync();
        await store.Lifecycle.MigrateAsync(Ct);
        return store;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
