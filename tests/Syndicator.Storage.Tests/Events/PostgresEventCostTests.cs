using System.Diagnostics;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Events;
using Syndicator.Core.Storage;
using Syndicator.Testing;
using Syndicator.Testing.Postgres;
using Xunit.Abstractions;

namespace Syndicator.Storage.Tests.Events;

/// <summary>
/// <see cref="EventCostTests"/> on PostgreSQL: the commands Npgsql sends (counted from its activities) and the time of
/// an accept and of a delivery's claim and completion, with no subscription and with one. Written, not asserted.
/// </summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class PostgresEventCostTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private const int Items = 100;
    private static readonly string[] Channels = ["portal", "bureau", "approval", "wechat"];
    private static readonly DateTimeOffset T0 = Some.Instant();
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [MemberData(nameof(EventCostTests.Subscriptions), MemberType = typeof(EventCostTests))]
    public async Task AcceptAndDeliver_WithAndWithoutASubscription_CostWritten(string subscriptions)
    {
        var routes = subscriptions == "none"
            ? EventRoutes.None
            : new EventRoutes(Microsoft.Extensions.Options.Options.Create(
                new EventsOptions { Subscriptions = { ["office"] = new EventSubscriptionOptions() } }));
        var database = await cluster.CreateDatabaseAsync();
        await using (var store = EventsUnderTest.Open(new StorageOptions { Provider = "Postgres", ConnectionString = database }, routes, database))
        {
            await store.Lifecycle.MigrateAsync(Ct);
            await AcceptAsync(store, 5);
            await DeliverAllAsync(store);
            var commands = 0L;
            using var listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = a =>
                {
                    if (a.GetTagItem("db.query.text") is not null || a.GetTagItem("db.statement") is not null)
                    {
                        Interlocked.Increment(ref commands);
                    }
                },
            };
            ActivitySource.AddActivityListener(listener);

            var clock = Stopwatch.StartNew();
            await AcceptAsync(store, Items);
            var (accepting, accepted) = (clock.Elapsed, Interlocked.Exchange(ref commands, 0));
            clock.Restart();
            var deliveries = await DeliverAllAsync(store);
            var (delivering, delivered) = (clock.Elapsed, Interlocked.Read(ref commands));

            output.WriteLine($"subscriptions: {subscriptions}");
            output.WriteLine($"per accept (4 channels): {accepted / (double)Items:F1} commands, {accepting.TotalMilliseconds / Items:F2} ms");
            output.WriteLine($"per delivery claimed and completed: {delivered / (double)deliveries:F1} commands, {delivering.TotalMilliseconds / deliveries:F2} ms");
            Assert.Equal(Items * 4, deliveries);
            Assert.True(accepted > 0, "no Npgsql command was seen: the count would be meaningless");
        }

        await cluster.DropDatabaseAsync(database);
    }

    private static async Task AcceptAsync(EventsUnderTest store, int items)
    {
        for (var i = 0; i < items; i++)
        {
            Assert.Equal(AcceptKind.Accepted, (await store.Items.AcceptAsync(Some.Item(channels: Channels, acceptedAt: T0), "tester", Ct)).Kind);
        }
    }

    private static async Task<int> DeliverAllAsync(EventsUnderTest store)
    {
        var delivered = 0;
        foreach (var channel in Channels)
        {
            while ((await store.Deliveries.ClaimAsync(channel, "w1", 1, T0, TimeSpan.FromMinutes(1), Ct)) is [var lease])
            {
                var transition = new Transition(DeliveryStatus.Succeeded, 1, null, null, "r-" + delivered, new Uri("https://example.test/a/" + delivered));
                Assert.True(await store.Deliveries.CompleteAsync(lease, new TryResult(
                    lease.Delivery.Operation, transition, new Attempt(lease.Delivery.Id, 1, T0, T0, "succeeded", "200", "done"), T0, null), Ct));
                delivered++;
            }
        }

        return delivered;
    }
}
