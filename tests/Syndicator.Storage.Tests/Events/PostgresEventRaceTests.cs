using Npgsql;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Events;
using Syndicator.Core.Storage;
using Syndicator.Testing;
using Syndicator.Testing.Postgres;

namespace Syndicator.Storage.Tests.Events;

/// <summary>
/// Two channels' lanes ending deliveries of one item at the same moment on PostgreSQL (writes read committed): each
/// transaction must see the other's result before deciding that the item is live, or withdrawn, everywhere. The two
/// completions are held at their last statement (the audit entry, written after the events) until both are in flight,
/// so each has made its decision before either commits.
/// </summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class PostgresEventRaceTests(PostgresCluster cluster) : IAsyncLifetime
{
    private const long Gate = 4242;
    private static readonly DateTimeOffset T0 = Some.Instant();
    private static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(1);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly EventRoutes Office = new(Microsoft.Extensions.Options.Options.Create(
        new EventsOptions { Subscriptions = { ["office"] = new EventSubscriptionOptions() } }));

    private string _database = "";
    private EventsUnderTest _store = null!;

    public async Task InitializeAsync()
    {
        _database = await cluster.CreateDatabaseAsync();
        _store = EventsUnderTest.Open(new StorageOptions { Provider = "Postgres", ConnectionString = _database }, Office, _database);
        await _store.Lifecycle.MigrateAsync(Ct);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await cluster.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task ItemLive_LastTwoChannelsEndAtOnce_WrittenOnce()
    {
        var item = Some.Item(channels: ["bureau", "portal"], acceptedAt: T0);
        await _store.Items.AcceptAsync(item, "tester", Ct);
        var bureau = await ClaimAsync("bureau");
        var portal = await ClaimAsync("portal");

        await TogetherAsync(() => SucceedAsync(bureau), () => SucceedAsync(portal));

        Assert.Equal(1L, await ScalarAsync<long>($"SELECT count(*) FROM events WHERE item_id = '{item.Id}' AND type = 'item.live'"));
    }

    [Fact]
    public async Task ItemWithdrawn_LastTwoWithdrawalsEndAtOnce_WrittenOnce()
    {
        var item = Some.Item(channels: ["bureau", "portal"], acceptedAt: T0);
        await _store.Items.AcceptAsync(item, "tester", Ct);
        Assert.True(await SucceedAsync(await ClaimAsync("bureau")));
        Assert.True(await SucceedAsync(await ClaimAsync("portal")));
        await _store.Deliveries.WithdrawAsync(new ItemCommand(item.Id, null, "撤稿", "tester", T0.AddMinutes(1)), Ct);
        var bureau = await ClaimAsync("bureau");
        var portal = await ClaimAsync("portal");

        await TogetherAsync(() => SucceedAsync(bureau), () => SucceedAsync(portal));

        Assert.Equal(1L, await ScalarAsync<long>($"SELECT count(*) FROM events WHERE item_id = '{item.Id}' AND type = 'item.withdrawn'"));
    }

    /// <summary>
    /// Runs both completions with the audit insert gated: released once both transactions wait on a lock (the gate, or
    /// each other), so neither commits before the other has done its reads unless the store serializes them.
    /// </summary>
    private async Task TogetherAsync(Func<Task<bool>> first, Func<Task<bool>> second)
    {
        await using var gate = new NpgsqlConnection(_database);
        await gate.OpenAsync();
        await ExecuteAsync(gate, """
            CREATE OR REPLACE FUNCTION audit_gate() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_advisory_xact_lock_shared(4242); RETURN NEW; END $$;
            DROP TRIGGER IF EXISTS audit_gate ON audit;
            CREATE TRIGGER audit_gate BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION audit_gate();
            """);
        await ExecuteAsync(gate, $"SELECT pg_advisory_lock({Gate})");

        var both = Task.WhenAll(Task.Run(first), Task.Run(second));
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (await ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") < 2)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the two completions did not both reach a lock within 20 s");
            await Task.Delay(20);
        }

        await ExecuteAsync(gate, $"SELECT pg_advisory_unlock({Gate})");
        var completed = await both;
        Assert.Equal([true, true], completed);
        await ExecuteAsync(gate, "DROP TRIGGER audit_gate ON audit");
    }

    private async Task<DeliveryLease> ClaimAsync(string channel) =>
        Assert.Single(await _store.Deliveries.ClaimAsync(channel, "w-" + channel, 5, T0.AddMinutes(1), LeaseFor, Ct));

    private Task<bool> SucceedAsync(DeliveryLease lease)
    {
        var now = T0.AddMinutes(2);
        var d = lease.Delivery;
        return _store.Deliveries.CompleteAsync(lease, new TryResult(
            d.Operation,
            new Transition(DeliveryStatus.Succeeded, 1, null, null, "r-" + d.Channel, new Uri($"https://{d.Channel}.example.test/1")),
            new Attempt(d.Id, 1, now, now, "succeeded", "200", null),
            now,
            new AuditEntry(now, "dispatcher", "delivery.succeeded", d.ItemId, d.Id, d.Channel, null, null)), Ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
