using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Syndicator.Core;
using Syndicator.Core.Alerts;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Syndicator.Core.Tracking;
using Syndicator.Storage;
using Syndicator.Testing;
using Syndicator.Testing.Fakes;

namespace Syndicator.Host.Tests;

/// <summary>The watchdogs over a real SQLite store, on a fake clock: publications are made through the store at chosen times.</summary>
public sealed class WatchdogTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly string _data = Path.Combine(Path.GetTempPath(), "syndicator-watchdog-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(Start);
    private readonly CollectingAlerts _alerts = new();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddSyndicatorStorage(new StorageOptions { Provider = "Sqlite", DataDirectory = _data });
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<IStoreLifecycle>().MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task Freshness_FourteenDaysWithoutPublication_AlertsOnceAndResolvesAfterAPublication()
    {
        var watchdogs = CreateSut(new WatchdogOptions { DeadlineChannel = "" });
        await PublishAsync("bureau", Start);

        _time.Advance(TimeSpan.FromDays(14));
        await watchdogs.RunAsync(CancellationToken.None);
        await watchdogs.RunAsync(CancellationToken.None);
        var afterTwoRuns = _alerts.All.ToList();
        await PublishAsync("bureau", _time.GetUtcNow());
        await watchdogs.RunAsync(CancellationToken.None);

        var alert = Assert.Single(afterTwoRuns);
        Assert.Equal(("channel.freshness", AlertSeverity.Critical, "bureau"), (alert.Kind, alert.Severity, alert.Subject));
        Assert.Equal(AlertSeverity.Resolved, Assert.Single(_alerts.All.Skip(1)).Severity);
    }

    [Fact]
    public async Task Freshness_TenDays_WarnsOnceThenAlertsAtFourteen()
    {
        var watchdogs = CreateSut(new WatchdogOptions { DeadlineChannel = "" });
        await PublishAsync("bureau", Start);

        _time.Advance(TimeSpan.FromDays(10));
        await watchdogs.RunAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(1));
        await watchdogs.RunAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(3));
        await watchdogs.RunAsync(CancellationToken.None);

        Assert.Equal([AlertSeverity.Warning, AlertSeverity.Critical], _alerts.All.Select(a => a.Severity));
    }

    [Fact]
    public async Task Deadline_UnpublishedOnPortal_WarnsBeforeAndAlertsAfterOnceEachHonouringHolidays()
    {
        // Written Friday 2026-03-06; with Monday 2026-03-09 a holiday, 20 working days end on Monday 2026-04-06 (not 04-03).
        var watchdogs = CreateSut(new WatchdogOptions { Holidays = ["2026-03-09"] });
        var item = Some.Item(channels: ["portal"], acceptedAt: Start) with { WrittenOn = new DateOnly(2026, 3, 6) };
        await _services.GetRequiredService<IItemStore>().AcceptAsync(item, "test", CancellationToken.None);

        _time.Advance(new DateTimeOffset(2026, 3, 31, 9, 0, 0, TimeSpan.FromHours(8)) - Start); // the 16th working day: no warning yet
        await watchdogs.CheckDeadlinesAsync(CancellationToken.None);
        var beforeWarning = _alerts.All.Count;
        _time.Advance(TimeSpan.FromDays(1)); // Wednesday 04-01, the 17th working day: 3 before the deadline
        await watchdogs.CheckDeadlinesAsync(CancellationToken.None);
        await watchdogs.CheckDeadlinesAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(6)); // Tuesday 04-07, past the deadline
        await watchdogs.CheckDeadlinesAsync(CancellationToken.None);
        await watchdogs.CheckDeadlinesAsync(CancellationToken.None);

        Assert.Equal(0, beforeWarning);
        Assert.Equal([AlertSeverity.Warning, AlertSeverity.Critical], _alerts.All.Select(a => a.Severity));
        Assert.All(_alerts.All, a => Assert.Equal(("item.deadline", $"portal/{item.Id}"), (a.Kind, a.Subject)));
        Assert.Contains("2026-04-06", _alerts.All[0].Text, StringComparison.Ordinal);
    }

    private Watchdogs CreateSut(WatchdogOptions options)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:bureau:Connector"] = "sscms",
            ["Channels:portal:Connector"] = "jcms",
        }).Build();
        var catalogue = new ChannelCatalogue(
            CoreServiceCollectionExtensions.ReadChannels(configuration),
            Options.Create(new CatalogueOptions { Categories = [.. CatalogueOptions.SeedCategories.Select(n => new CategoryOptions { Name = n })] }),
            Options.Create(new RoutingOptions()));
        return new Watchdogs(
            _services.GetRequiredService<ITrackingStore>(), _services.GetRequiredService<IChannelStateStore>(), catalogue, _alerts, _time,
            Options.Create(options), NullLogger<Watchdogs>.Instance);
    }

    /// <summary>An item published on <paramref name="channel"/> at <paramref name="at"/>, through the store as the dispatcher records it.</summary>
    private async Task PublishAsync(string channel, DateTimeOffset at)
    {
        var item = Some.Item(channels: [channel], acceptedAt: at);
        await _services.GetRequiredService<IItemStore>().AcceptAsync(item, "test", CancellationToken.None);
        var deliveries = _services.GetRequiredService<IDeliveryStore>();
        var lease = Assert.Single(await deliveries.ClaimAsync(channel, "w1", 10, at, TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.True(await deliveries.CompleteAsync(lease, new TryResult(
            lease.Delivery.Operation,
            new Transition(DeliveryStatus.Succeeded, 1, null, null, "r-" + item.Id, new Uri("https://example.test/" + item.Id)),
            new Attempt(lease.Delivery.Id, 1, at, at, "succeeded", "200", null),
            at,
            null), CancellationToken.None));
    }
}
