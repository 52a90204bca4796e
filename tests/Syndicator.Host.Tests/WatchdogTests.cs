using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Syndicator.Channels.NoticeBoard;
using Syndicator.Core;
using Syndicator.Core.Channels;
using Syndicator.Core.Dispatch;
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
        services.AddNoticeBoardChannel();
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

    [Fact]
    public async Task DisplayPeriod_PostedNoticePastDisplayDays_RemindsOnceWithTheCommandAndResolvesAfterTakeDown()
    {
        var watchdogs = CreateSut(new WatchdogOptions { DeadlineChannel = "" }, board: true);
        var deliveries = _services.GetRequiredService<IDeliveryStore>();
        var posted = await HandOffAsync(Some.Item(channels: ["board"], acceptedAt: Start), Start);
        var neverConfirmed = await HandOffAsync(Some.Item(channels: ["board"], acceptedAt: Start), Start);
        await deliveries.ConfirmAsync(new DeliveryCommand(posted.DeliveryId, null, "user:clerk", Start.AddDays(1)), HandoffProof.Board(new DateOnly(2026, 3, 2), null), CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(30)); // 2026-04-01: the 30th day after posting, still within the period
        await watchdogs.RunAsync(CancellationToken.None);
        var withinPeriod = Reminders().Count;
        _time.Advance(TimeSpan.FromDays(1)); // 2026-04-02: the period has passed
        await watchdogs.RunAsync(CancellationToken.None);
        await watchdogs.RunAsync(CancellationToken.None);
        var reminded = Reminders().ToList();
        await deliveries.WithdrawAsync(new ItemCommand(posted.ItemId, ["board"], "张贴期满", "user:clerk", _time.GetUtcNow()), CancellationToken.None);
        var (_, takeDown) = await HandOffAsync(null, _time.GetUtcNow());
        await deliveries.ConfirmAsync(new DeliveryCommand(takeDown, null, "user:clerk", _time.GetUtcNow()), HandoffProof.Board(new DateOnly(2026, 4, 2), null), CancellationToken.None);
        await watchdogs.RunAsync(CancellationToken.None);

        Assert.Equal(0, withinPeriod);
        var reminder = Assert.Single(reminded);
        Assert.Equal((AlertSeverity.Warning, $"board/{posted.ItemId}"), (reminder.Severity, reminder.Subject));
        Assert.Contains("since 2026-03-02", reminder.Text, StringComparison.Ordinal);
        Assert.Contains($"syndicator withdraw {posted.ItemId} --channel board", reminder.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Reminders(), a => a.Subject.EndsWith(neverConfirmed.ItemId, StringComparison.Ordinal));
        Assert.Equal([AlertSeverity.Warning, AlertSeverity.Resolved], Reminders().Select(a => a.Severity));
    }

    private List<Alert> Reminders() => [.. _alerts.All.Where(a => a.Kind == DisplayPeriods.Kind)];

    /// <summary>Accepts <paramref name="item"/> (none: the next delivery already queued) and hands the board's next delivery off, as its connector does.</summary>
    private async Task<(string ItemId, string DeliveryId)> HandOffAsync(Syndicator.Core.Items.ItemRevision? item, DateTimeOffset at)
    {
        if (item is not null)
        {
            await _services.GetRequiredService<IItemStore>().AcceptAsync(item, "test", CancellationToken.None);
        }

        var deliveries = _services.GetRequiredService<IDeliveryStore>();
        var lease = Assert.Single(await deliveries.ClaimAsync("board", "w1", 1, at, TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.True(await deliveries.CompleteAsync(lease, new TryResult(
            lease.Delivery.Operation,
            new Transition(DeliveryStatus.Handoff, 1, null, "请打印公告并张贴"),
            new Attempt(lease.Delivery.Id, 1, at, at, "handoff", null, null),
            at,
            null), CancellationToken.None));
        return (lease.Delivery.ItemId, lease.Delivery.Id);
    }

    private Watchdogs CreateSut(WatchdogOptions options, bool board = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Channels:bureau:Connector"] = "sscms",
            ["Channels:portal:Connector"] = "jcms",
        };
        if (board)
        {
            settings["Channels:board:Connector"] = "noticeboard";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var catalogue = new ChannelCatalogue(
            CoreServiceCollectionExtensions.ReadChannels(configuration),
            Options.Create(new CatalogueOptions { Categories = [.. CatalogueOptions.SeedCategories.Select(n => new CategoryOptions { Name = n })] }),
            Options.Create(new RoutingOptions()));
        var connectors = new ConnectorRegistry(catalogue, _services.GetServices<IChannelConnectorFactory>());
        var displayPeriods = new DisplayPeriods(
            _services.GetRequiredService<IBoardStore>(), _services.GetRequiredService<IChannelStateStore>(), catalogue, connectors, _alerts, _time);
        return new Watchdogs(
            _services.GetRequiredService<ITrackingStore>(), _services.GetRequiredService<IChannelStateStore>(), catalogue, _alerts, _time,
            Options.Create(options), displayPeriods, NullLogger<Watchdogs>.Instance);
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
