using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

/// <summary>
/// What every store implementation must do (the rules of <see cref="IItemStore"/>, <see cref="IDeliveryStore"/>,
/// <see cref="IKeyStore"/>, <see cref="IAuditLog"/>, <see cref="IChannelStateStore"/> and <see cref="IStoreLifecycle"/>).
/// A provider's test class derives from this and says how to create an empty database; every test gets a fresh,
/// migrated one.
/// </summary>
public abstract partial class StoreConformanceTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = Some.Instant();
    protected static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(1);
    protected const string Actor = "tester";

    private readonly List<StoreUnderTest> _stores = [];

    protected StoreUnderTest Store { get; private set; } = null!;

    protected IItemStore Items => Store.Items;

    protected IDeliveryStore Deliveries => Store.Deliveries;

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>A store over a new, empty database; not migrated.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync();

    /// <summary>A second store instance over the same database as <paramref name="store"/> (another node or process).</summary>
    protected abstract Task<StoreUnderTest> OpenAgainAsync(StoreUnderTest store);

    public virtual async Task InitializeAsync()
    {
        Store = await NewStoreAsync();
        await Store.Lifecycle.MigrateAsync(Ct);
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    protected async Task<StoreUnderTest> NewStoreAsync() => Track(await CreateStoreAsync());

    protected async Task<StoreUnderTest> PeerAsync() => Track(await OpenAgainAsync(Store));

    protected async Task<ItemRevision> AcceptAsync(ItemRevision item)
    {
        var outcome = await Items.AcceptAsync(item, Actor, Ct);
        Assert.Equal(AcceptKind.Accepted, outcome.Kind);
        return item;
    }

    protected async Task<DeliveryLease> ClaimOneAsync(DateTimeOffset now, string channel = "bureau", string owner = "w1")
    {
        var leases = await Deliveries.ClaimAsync(channel, owner, 10, now, LeaseFor, Ct);
        return Assert.Single(leases);
    }

    protected Task<bool> SucceedAsync(DeliveryLease lease, DateTimeOffset now, string remoteId = "r-1", AuditEntry? audit = null) =>
        CompleteAsync(lease, new Transition(
            DeliveryStatus.Succeeded, lease.Delivery.Attempts + 1, null, null, remoteId, new Uri($"https://example.test/a/{remoteId}")), now, audit);

    protected Task<bool> CompleteAsync(DeliveryLease lease, Transition transition, DateTimeOffset now, AuditEntry? audit = null) =>
        Deliveries.CompleteAsync(lease, new TryResult(
            lease.Delivery.Operation,
            transition,
            new Attempt(lease.Delivery.Id, lease.Delivery.Attempts + 1, now, now, WireNames.Of(transition.Status), "200", "done"),
            now,
            audit), Ct);

    protected static Transition Failed(DeliveryLease lease, string error = "rejected: too long") =>
        new(DeliveryStatus.Failed, lease.Delivery.Attempts + 1, null, error);

    /// <summary>Accepts <paramref name="item"/> and brings its delivery on <paramref name="channel"/> to success.</summary>
    protected async Task<Delivery> MakeLiveAsync(ItemRevision item, string channel = "bureau", string remoteId = "r-1")
    {
        await Items.AcceptAsync(item, Actor, Ct);
        var lease = await ClaimOneAsync(item.AcceptedAt, channel);
        Assert.True(await SucceedAsync(lease, item.AcceptedAt, remoteId));
        return await DeliveryAsync(lease.Delivery.Id);
    }

    protected async Task<Delivery> DeliveryAsync(string id) =>
        await Deliveries.GetAsync(id, Ct) ?? throw new InvalidOperationException($"Delivery {id} is missing.");

    protected async Task<IReadOnlyList<Delivery>> DeliveriesOfAsync(string itemId) =>
        (await Items.GetAsync(itemId, Ct))?.Deliveries ?? throw new InvalidOperationException($"Item {itemId} is missing.");

    private StoreUnderTest Track(StoreUnderTest store)
    {
        _stores.Add(store);
        return store;
    }
}
