using System.Text.Json;
using Microsoft.Extensions.Options;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Events;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Syndicator.Testing;

namespace Syndicator.Storage.Tests.Events;

/// <summary>
/// What the relational store does with events on every provider: the events the item and delivery stores write in the
/// transaction of their change (<see cref="EventRoutes"/> deciding who gets which), and the queue of
/// <see cref="IEventStore"/>. Each test gets a fresh, migrated database whose stores are composed as the host composes
/// them, with <see cref="Routes"/>: <c>office</c> takes everything, <c>archive</c> only item.live and item.withdrawn of
/// items on the portal. The in-memory store records no events and is not tested here.
/// </summary>
public abstract partial class EventStoreConformanceTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = Some.Instant();
    protected static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(1);
    protected const string Actor = "tester";

    private readonly List<EventsUnderTest> _stores = [];

    protected EventsUnderTest Store { get; private set; } = null!;

    protected IItemStore Items => Store.Items;

    protected IDeliveryStore Deliveries => Store.Deliveries;

    protected IEventStore Events => Store.Events;

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>The subscriptions most tests run with.</summary>
    protected static EventRoutes Routes { get; } = RoutesOf(
        ("office", [], []),
        ("archive", [EventTypes.ItemLive, EventTypes.ItemWithdrawn], ["portal"]));

    /// <summary>A store over a new, empty database (not migrated), composed with <paramref name="routes"/>.</summary>
    protected abstract Task<EventsUnderTest> CreateStoreAsync(EventRoutes routes);

    /// <summary>Rows read straight from the current database (the tables as they are, not as the store reports them).</summary>
    protected abstract Task<IReadOnlyList<T>> SqlAsync<T>(string sql, object? args = null);

    /// <summary>Makes every insert into <c>events</c> fail from now on (a full disk, a broken table).</summary>
    protected abstract Task RefuseEventsAsync();

    public virtual async Task InitializeAsync() => await FreshAsync(Routes);

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    /// <summary>Starts the test over on a new database whose stores route events by <paramref name="routes"/>.</summary>
    protected async Task FreshAsync(EventRoutes routes)
    {
        Store = await CreateStoreAsync(routes);
        _stores.Add(Store);
        await Store.Lifecycle.MigrateAsync(Ct);
    }

    protected static EventRoutes RoutesOf(params (string Name, string[] Types, string[] Channels)[] subscriptions)
    {
        var options = new EventsOptions();
        foreach (var (name, types, channels) in subscriptions)
        {
            options.Subscriptions[name] = new EventSubscriptionOptions { Types = [.. types], Channels = [.. channels] };
        }

        return new EventRoutes(Options.Create(options));
    }

    protected static EventSubscription Subscription(string name, string[]? types = null, string[]? channels = null) =>
        new(name, new EventSubscriptionOptions { Types = [.. types ?? []], Channels = [.. channels ?? []] });

    protected async Task<ItemRevision> AcceptAsync(ItemRevision item)
    {
        var outcome = await Items.AcceptAsync(item, Actor, Ct);
        Assert.Equal(AcceptKind.Accepted, outcome.Kind);
        return item;
    }

    protected async Task<DeliveryLease> ClaimOneAsync(DateTimeOffset now, string channel = "bureau")
    {
        var leases = await Deliveries.ClaimAsync(channel, "w1", 10, now, LeaseFor, Ct);
        return Assert.Single(leases);
    }

    protected Task<bool> SucceedAsync(DeliveryLease lease, DateTimeOffset now, string? remoteId = null)
    {
        var id = remoteId ?? $"r-{lease.Delivery.Channel}-{lease.Delivery.Revision}";
        return CompleteAsync(lease, new Transition(
            DeliveryStatus.Succeeded, lease.Delivery.Attempts + 1, null, null, id, new Uri($"https://{lease.Delivery.Channel}.example.test/a/{id}")), now);
    }

    protected Task<bool> CompleteAsync(DeliveryLease lease, Transition transition, DateTimeOffset now) =>
        Deliveries.CompleteAsync(lease, new TryResult(
            lease.Delivery.Operation,
            transition,
            new Attempt(lease.Delivery.Id, lease.Delivery.Attempts + 1, now, now, WireNames.Of(transition.Status), "200", "done"),
            now,
            null), Ct);

    /// <summary>Claims the due delivery of <paramref name="channel"/> and completes it as sent.</summary>
    protected async Task<Delivery> DeliverAsync(string channel, DateTimeOffset now)
    {
        var lease = await ClaimOneAsync(now, channel);
        Assert.True(await SucceedAsync(lease, now));
        return lease.Delivery;
    }

    /// <summary>Claims the due delivery of <paramref name="channel"/> and hands it to a person (the hand-off connector's answer).</summary>
    protected async Task<Delivery> HandOffAsync(string channel, DateTimeOffset now)
    {
        var lease = await ClaimOneAsync(now, channel);
        Assert.True(await CompleteAsync(lease, new Transition(DeliveryStatus.Handoff, 1, null, "请人工处理"), now));
        return lease.Delivery;
    }

    /// <summary>The events stored about <paramref name="itemId"/>, in the order they were written.</summary>
    protected Task<IReadOnlyList<StoredEventRow>> EventsOfAsync(string itemId) =>
        SqlAsync<StoredEventRow>(
            "SELECT seq AS Seq, id AS Id, type AS Type, revision AS Revision, channel AS Channel, channels AS Channels, payload AS Payload "
            + "FROM events WHERE item_id = @itemId ORDER BY seq", new { itemId });

    /// <summary>The types of the events stored about <paramref name="itemId"/>, in order.</summary>
    protected async Task<string[]> TypesOfAsync(string itemId) => [.. (await EventsOfAsync(itemId)).Select(e => e.Type)];

    /// <summary>The subscriptions the event was queued for, by name.</summary>
    protected async Task<string[]> QueuedForAsync(long seq) =>
        [.. await SqlAsync<string>("SELECT subscription FROM event_deliveries WHERE event_seq = @seq ORDER BY subscription", new { seq })];

    protected async Task<long> RowsAsync(string table) => (await SqlAsync<long>($"SELECT COUNT(*) FROM {table}"))[0];

    /// <summary>The one event of <paramref name="type"/> about the item, and its <c>data</c>.</summary>
    protected async Task<(StoredEventRow Event, JsonElement Data)> OneAsync(string itemId, string type)
    {
        var found = Assert.Single(await EventsOfAsync(itemId), e => e.Type == type);
        return (found, found.Data);
    }
}

/// <summary>A row of <c>events</c>.</summary>
public sealed class StoredEventRow
{
    public long Seq { get; set; }
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public long? Revision { get; set; }
    public string? Channel { get; set; }
    public string Channels { get; set; } = "";
    public string Payload { get; set; } = "";

    /// <summary>The payload's <c>data</c>.</summary>
    public JsonElement Data
    {
        get
        {
            using var document = JsonDocument.Parse(Payload);
            return document.RootElement.GetProperty("data").Clone();
        }
    }

    public override string ToString() => $"{Seq} {Type}";
}
