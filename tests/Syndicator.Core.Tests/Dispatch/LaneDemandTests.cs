using System.Collections.Concurrent;
using System.Reflection;
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

/// <summary>A lane claims when there is something to claim: a finished try with nothing else due is not a claim.</summary>
public sealed class LaneDemandTests : IAsyncLifetime
{
    // Fake time that is never advanced: no poll interval passes, so every claim is one the lane chose to make.
    private readonly FakeTimeProvider _time = new(Some.Instant());
    private readonly InMemoryStore _store = new();
    private ServiceProvider? _provider;
    private CountingDeliveries? _counting;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task ItemsOneAtATime_OneClaimEach_NoneForAFinishedTryWithNothingDue()
    {
        var claims = CountingDeliveries.Over(_store, out var counting);
        _counting = counting;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSyndicatorCore(TestConfig.From(("Channels:fast:Connector", "fake"), ("Channels:fast:MaxConcurrency", "4")));
        services.AddSingleton<IChannelConnectorFactory>(new FakeConnectorFactory());
        services.AddSingleton<IItemStore>(_store);
        services.AddSingleton(claims);
        _provider = services.BuildServiceProvider();
        var dispatcher = _provider.GetServices<IHostedService>().OfType<DeliveryDispatcher>().Single();
        var signal = _provider.GetRequiredService<DispatchSignal>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var first = await AcceptAsync();
        await dispatcher.StartAsync(deadline.Token);
        await SettledAsync(first, 1);
        for (var i = 2; i <= 3; i++)
        {
            var next = await AcceptAsync();
            signal.Notify("fast");
            await SettledAsync(next, i);
        }

        await dispatcher.StopAsync(deadline.Token);

        // One claim at start and one per signal; before, every finished try was followed by an empty claim too.
        Assert.Equal(3, counting.Claims);
    }

    /// <summary>
    /// The item's delivery succeeded and the lane has looked at the store since its try finished (it asks for the
    /// next due time once when it claims and once when a try ends), so the next item cannot race that look.
    /// </summary>
    private async Task SettledAsync(ItemRevision item, int items)
    {
        await Eventually.TrueAsync(() => SucceededAsync(item), $"item {items}'s delivery");
        await Eventually.TrueAsync(() => Task.FromResult(_counting!.NextDueReads >= 2 * items), $"the lane's look after item {items}");
    }

    private async Task<ItemRevision> AcceptAsync()
    {
        var item = Some.Item(channels: ["fast"]) with { AcceptedAt = _time.GetUtcNow() };
        Assert.Equal(AcceptKind.Accepted, (await _store.AcceptAsync(item, "test", CancellationToken.None)).Kind);
        return item;
    }

    private async Task<bool> SucceededAsync(ItemRevision item)
    {
        var record = await ((IItemStore)_store).GetAsync(item.Id, CancellationToken.None);
        return record!.Deliveries.All(d => d.Status == DeliveryStatus.Succeeded);
    }

    /// <summary>The in-memory store's deliveries, with claims counted.</summary>
    public class CountingDeliveries : DispatchProxy
    {
        private int _claims;
        private int _nextDueReads;

        private IDeliveryStore Inner { get; set; } = null!;

        public int Claims => Volatile.Read(ref _claims);

        public int NextDueReads => Volatile.Read(ref _nextDueReads);

        public static IDeliveryStore Over(IDeliveryStore inner, out CountingDeliveries counting)
        {
            var proxy = Create<IDeliveryStore, CountingDeliveries>();
            counting = (CountingDeliveries)(object)proxy;
            counting.Inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name == nameof(IDeliveryStore.ClaimAsync))
            {
                Interlocked.Increment(ref _claims);
            }
            try
            {
                var result = targetMethod.Invoke(Inner, args);

                // Counted once the in-memory store has answered (it answers before returning), not before it read.
                if (targetMethod.Name == nameof(IDeliveryStore.NextDueAsync))
                {
                    Interlocked.Increment(ref _nextDueReads);
                }

                return result;
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }
        }
    }
}
