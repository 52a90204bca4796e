using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Syndicator.Core.Tests.Support;
using Syndicator.Testing;
using Syndicator.Testing.Fakes;

namespace Syndicator.Core.Tests.Dispatch;

/// <summary>
/// When a try's lease runs out unrenewed (the store refused every renewal), the lane claims the delivery again; the
/// new try must wait for the old one to end, so the platform never sees the same delivery sent twice at once.
/// </summary>
public sealed class LaneOverlapTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(Some.Instant());
    private readonly InMemoryStore _store = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ServiceProvider? _provider;
    private int _running;
    private int _mostAtOnce;
    private int _calls;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task Lane_LeaseOfARunningTryExpires_SecondTryWaitsForTheFirst()
    {
        var item = Some.Item(channels: ["bureau"], acceptedAt: _time.GetUtcNow());
        await _store.AcceptAsync(item, "test", CancellationToken.None);
        var store = new RenewalRefusingStore(_store);
        var sut = CreateSut(store);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await sut.StartAsync(deadline.Token);
        await Eventually.WithinAsync(_firstStarted.Task, "the first try");

        await Eventually.TrueAsync(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            return Task.FromResult(store.Claims >= 2);
        }, "the lane to claim the delivery again once its lease ran out");
        _gate.SetResult();

        await Eventually.TrueAsync(async () => (await ((IItemStore)_store).GetAsync(item.Id, CancellationToken.None))!.Status == ItemStatus.Delivered,
            "the delivery to succeed");
        Assert.Equal((2, 1), (_calls, _mostAtOnce));
        await sut.StopAsync(deadline.Token);
    }

    private DeliveryDispatcher CreateSut(IDeliveryStore store)
    {
        var connector = new FakeChannel(async (context, cancellationToken) =>
        {
            var call = Interlocked.Increment(ref _calls);
            var now = Interlocked.Increment(ref _running);
            InterlockedMax(ref _mostAtOnce, now);
            try
            {
                if (call == 1)
                {
                    _firstStarted.SetResult();
                    await _gate.Task;
                }

                return FakeChannel.Succeeded(context);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        });
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSyndicatorCore(TestConfig.From(
            ("Channels:bureau:Connector", "fake"),
            ("Channels:bureau:AttemptTimeout", "01:00:00"),
            ("Dispatcher:LeaseDuration", "00:00:03"),
            ("Dispatcher:PollInterval", "00:00:01")));
        services.AddSingleton<IChannelConnectorFactory>(new FakeConnectorFactory().With("bureau", connector));
        services.AddSingleton<IItemStore>(_store);
        services.AddSingleton(store);
        _provider = services.BuildServiceProvider();
        return _provider.GetServices<IHostedService>().OfType<DeliveryDispatcher>().Single();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    /// <summary>The in-memory store, except that every lease renewal fails (a store too busy to answer).</summary>
    private sealed class RenewalRefusingStore(InMemoryStore inner) : IDeliveryStore
    {
        private int _claims;

        public int Claims => Volatile.Read(ref _claims);

        public async Task<IReadOnlyList<DeliveryLease>> ClaimAsync(string channel, string owner, int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken)
        {
            var claimed = await inner.ClaimAsync(channel, owner, max, now, leaseFor, cancellationToken);
            Interlocked.Add(ref _claims, claimed.Count);
            return claimed;
        }

        public Task<bool> RenewAsync(DeliveryLease lease, DateTimeOffset until, CancellationToken cancellationToken) =>
            Task.FromException<bool>(new TimeoutException("database is locked"));

        public Task<DateTimeOffset?> NextDueAsync(string channel, CancellationToken cancellationToken) => inner.NextDueAsync(channel, cancellationToken);

        public Task<bool> SaveCheckpointAsync(DeliveryLease lease, Checkpoint checkpoint, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.SaveCheckpointAsync(lease, checkpoint, now, cancellationToken);

        public Task<bool> CompleteAsync(DeliveryLease lease, TryResult result, CancellationToken cancellationToken) => inner.CompleteAsync(lease, result, cancellationToken);

        public Task ReleaseAsync(DeliveryLease lease, DateTimeOffset now, CancellationToken cancellationToken) => inner.ReleaseAsync(lease, now, cancellationToken);

        public Task<Delivery?> GetAsync(string deliveryId, CancellationToken cancellationToken) => ((IDeliveryStore)inner).GetAsync(deliveryId, cancellationToken);

        public Task<IReadOnlyList<Attempt>> GetAttemptsAsync(string deliveryId, CancellationToken cancellationToken) => inner.GetAttemptsAsync(deliveryId, cancellationToken);

        public Task<Placement?> GetPlacementAsync(string itemId, string channel, CancellationToken cancellationToken) => inner.GetPlacementAsync(itemId, channel, cancellationToken);

        public Task<ChannelCounts> CountAsync(string channel, CancellationToken cancellationToken) => inner.CountAsync(channel, cancellationToken);

        public Task<CommandOutcome> RepublishAsync(ItemCommand command, CancellationToken cancellationToken) => inner.RepublishAsync(command, cancellationToken);

        public Task<CommandOutcome> WithdrawAsync(ItemCommand command, CancellationToken cancellationToken) => inner.WithdrawAsync(command, cancellationToken);

        public Task<CommandOutcome> RetryAsync(DeliveryCommand command, CancellationToken cancellationToken) => inner.RetryAsync(command, cancellationToken);

        public Task<IReadOnlyList<Delivery>> RetryManyAsync(RetryFilter filter, bool dryRun, string actor, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.RetryManyAsync(filter, dryRun, actor, now, cancellationToken);

        public Task<CommandOutcome> ConfirmAsync(DeliveryCommand command, HandoffProof proof, CancellationToken cancellationToken) => inner.ConfirmAsync(command, proof, cancellationToken);
    }
}
