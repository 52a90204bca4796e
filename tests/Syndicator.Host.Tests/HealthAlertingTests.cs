using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Syndicator.Core;
using Syndicator.Core.Alerts;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Syndicator.Host.Health;
using Syndicator.Storage;
using Syndicator.Testing;

namespace Syndicator.Host.Tests;

/// <summary>
/// When health is worth an alert, decided over the shared store: two nodes (two store instances on one database)
/// seeing the same change alert once; a backlog alerts once per episode and once when it clears.
/// </summary>
public sealed class HealthAlertingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = Some.Instant();
    private readonly string _data = Path.Combine(Path.GetTempPath(), "syndicator-test-" + Guid.NewGuid().ToString("N"));
    private readonly List<ServiceProvider> _nodes = [];
    private readonly CollectingAlerts _alerts = new();
    private readonly FakeTimeProvider _time = new(T0);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task OnCheckedAsync_TwoNodesSeeTheSameChangeAtOnce_OneAlert()
    {
        var (a, b) = (await NodeAsync(), await NodeAsync());
        await a.OnCheckedAsync(Check(ChannelHealthStatus.Healthy), CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            (i % 2 == 0 ? a : b).OnCheckedAsync(Check(ChannelHealthStatus.Unhealthy, $"node-{i % 2}"), CancellationToken.None))));

        var alert = Assert.Single(_alerts.Raised);
        Assert.Equal(("channel.health", AlertSeverity.Critical, "bureau"), (alert.Kind, alert.Severity, alert.Subject));
        Assert.Contains("healthy → unhealthy", alert.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnCheckedAsync_FirstCheckHealthyThenSameAgainThenRecovered_OnlyTheChangesAlert()
    {
        var node = await NodeAsync();

        foreach (var status in new[] { ChannelHealthStatus.Healthy, ChannelHealthStatus.Healthy, ChannelHealthStatus.Degraded, ChannelHealthStatus.Degraded, ChannelHealthStatus.Healthy })
        {
            await node.OnCheckedAsync(Check(status), CancellationToken.None);
        }

        Assert.Equal([AlertSeverity.Warning, AlertSeverity.Resolved], _alerts.Raised.Select(a => a.Severity));
    }

    [Fact]
    public async Task OnCheckedAsync_AfterARestart_ComparedWithTheStoredStatus()
    {
        await (await NodeAsync()).OnCheckedAsync(Check(ChannelHealthStatus.Unhealthy), CancellationToken.None);

        var restarted = await NodeAsync();
        await restarted.OnCheckedAsync(Check(ChannelHealthStatus.Unhealthy), CancellationToken.None);

        Assert.Single(_alerts.Raised);
    }

    [Fact]
    public async Task CheckBacklogsAsync_OldestPendingPastThresholdThenCleared_OneAlertPerEpisodeAndOneResolved()
    {
        var node = await NodeAsync();
        var store = _nodes[^1];
        var item = Some.Item(channels: ["bureau"], acceptedAt: T0);
        await store.GetRequiredService<IItemStore>().AcceptAsync(item, "tester", CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(29));
        await node.CheckBacklogsAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));
        await node.CheckBacklogsAsync(CancellationToken.None);
        await (await NodeAsync()).CheckBacklogsAsync(CancellationToken.None);
        await SucceedAsync(store.GetRequiredService<IDeliveryStore>());
        await node.CheckBacklogsAsync(CancellationToken.None);
        await node.CheckBacklogsAsync(CancellationToken.None);

        Assert.Equal([("channel.backlog", AlertSeverity.Critical), ("channel.backlog", AlertSeverity.Resolved)], _alerts.Raised.Select(a => (a.Kind, a.Severity)));
        Assert.Contains("31 min", _alerts.Raised[0].Text, StringComparison.Ordinal);
    }

    private async Task SucceedAsync(IDeliveryStore deliveries)
    {
        var now = _time.GetUtcNow();
        var lease = Assert.Single(await deliveries.ClaimAsync("bureau", "w1", 1, now, TimeSpan.FromMinutes(1), CancellationToken.None));
        var transition = new Transition(DeliveryStatus.Succeeded, 1, null, null, "r-1", new Uri("https://example.test/a/r-1"));
        var attempt = new Attempt(lease.Delivery.Id, 1, now, now, "succeeded", "200", "done");
        Assert.True(await deliveries.CompleteAsync(lease, new TryResult(lease.Delivery.Operation, transition, attempt, now, null), CancellationToken.None));
    }

    private HealthCheck Check(ChannelHealthStatus status, string node = "node-a") => new("bureau", status, 10, $"{status}", _time.GetUtcNow(), node);

    /// <summary>A node: its own store instance over the shared database, and its own <see cref="HealthAlerting"/>.</summary>
    private async Task<HealthAlerting> NodeAsync()
    {
        var services = new ServiceCollection().AddSyndicatorStorage(new StorageOptions { DataDirectory = _data }).BuildServiceProvider();
        _nodes.Add(services);
        await services.GetRequiredService<IStoreLifecycle>().MigrateAsync(CancellationToken.None);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:bureau:Connector"] = "sscms",
            ["Channels:bureau:DisplayName"] = "桐乡市水利局网站",
        }).Build();
        var catalogue = new ChannelCatalogue(
            CoreServiceCollectionExtensions.ReadChannels(config),
            Options.Create(new CatalogueOptions { Categories = [.. CatalogueOptions.SeedCategories.Select(n => new CategoryOptions { Name = n })] }),
            Options.Create(new RoutingOptions()));
        return new HealthAlerting(
            services.GetRequiredService<IChannelStateStore>(), services.GetRequiredService<IDeliveryStore>(), catalogue, _alerts,
            Options.Create(new HealthOptions()), _time, NullLogger<HealthAlerting>.Instance);
    }

    private sealed class CollectingAlerts : IAlerts
    {
        private readonly ConcurrentQueue<Alert> _raised = new();

        public IReadOnlyList<Alert> Raised => [.. _raised];

        public Task RaiseAsync(Alert alert, CancellationToken cancellationToken)
        {
            _raised.Enqueue(alert);
            return Task.CompletedTask;
        }
    }
}
