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

/// <summary>The hosted dispatcher as composed by <c>AddSyndicatorCore</c>, over the in-memory store and fake connectors.</summary>
public sealed class DeliveryDispatcherTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(Some.Instant());
    private readonly InMemoryStore _store = new();
    private readonly FakeChannel _slow = FakeChannel.Hanging();
    private ServiceProvider? _provider;

    private IDeliveryStore Deliveries => _store;

    /// <summary>
    /// Channels <c>fast</c> (always succeeds) and <c>slow</c> (hangs until cancelled); shutdown gives running tries no
    /// grace, so stopping cancels the slow ones at once.
    /// </summary>
    private DeliveryDispatcher CreateSut()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSyndicatorCore(TestConfig.From(
            ("Channels:fast:Connector", "fake"),
            ("Channels:slow:Connector", "fake"),
            ("Dispatcher:ShutdownGrace", "00:00:00")));
        services.AddSingleton<IChannelConnectorFactory>(new FakeConnectorFactory().With("slow", _slow));
        services.AddSingleton<IItemStore>(_store);
        services.AddSingleton<IDeliveryStore>(_store);
        _provider = services.BuildServiceProvider();
        return _provider.GetServices<IHostedService>().OfType<DeliveryDispatcher>().Single();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task StartAsync_OneChannelHangs_OtherChannelsDeliveriesStillComplete()
    {
        var items = new List<ItemRevision>();
        for (var i = 0; i < 3; i++)
        {
            items.Add(await AcceptAsync(["fast", "slow"]));
        }

        var sut = CreateSut();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await sut.StartAsync(deadline.Token);
        await Eventually.WithinAsync(_slow.Started, "the slow channel's first try");
        await Eventually.TrueAsync(() => AllAsync(items, "fast", DeliveryStatus.Succeeded), "the fast channel's deliveries to succeed");
        var late = await AcceptAsync(["fast"]);
        _provider!.GetRequiredService<DispatchSignal>().Notify("fast");
        await Eventually.TrueAsync(() => AllAsync([late], "fast", DeliveryStatus.Succeeded), "a delivery queued later on the fast channel");

        Assert.True(await AllAsync(items, "slow", DeliveryStatus.InProgress));
        foreach (var item in items)
        {
            Assert.Equal(ItemStatus.InProgress, (await RecordAsync(item)).Status);
        }

        Assert.Equal(ItemStatus.Delivered, (await RecordAsync(late)).Status);
        await sut.StopAsync(deadline.Token);
    }

    [Fact]
    public async Task StopAsync_TriesStillRunningAfterGrace_ReleasedWithoutCountingAttempt()
    {
        var item = await AcceptAsync(["slow"]);
        var sut = CreateSut();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await sut.StartAsync(deadline.Token);
        await Eventually.WithinAsync(_slow.Started, "the slow channel's first try");

        await sut.StopAsync(deadline.Token);

        var delivery = Assert.Single((await RecordAsync(item)).Deliveries);
        Assert.Equal((DeliveryStatus.Pending, 0), (delivery.Status, delivery.Attempts));
        Assert.Empty(await Deliveries.GetAttemptsAsync(delivery.Id, CancellationToken.None));
    }

    private async Task<ItemRevision> AcceptAsync(IReadOnlyList<string> channels)
    {
        var item = Some.Item(channels: channels, acceptedAt: _time.GetUtcNow());
        Assert.Equal(AcceptKind.Accepted, (await _store.AcceptAsync(item, "test", CancellationToken.None)).Kind);
        return item;
    }

    private async Task<ItemRecord> RecordAsync(ItemRevision item) =>
        (await ((IItemStore)_store).GetAsync(item.Id, CancellationToken.None))!;

    private async Task<bool> AllAsync(IEnumerable<ItemRevision> items, string channel, DeliveryStatus status)
    {
        foreach (var item in items)
        {
            if ((await RecordAsync(item)).Deliveries.Single(d => d.Channel == channel).Status != status)
            {
                return false;
            }
        }

        return true;
    }
}
