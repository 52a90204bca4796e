using Syndicator.Core.Storage;

namespace Syndicator.Testing.Storage;

/// <summary>
/// A store implementation as the conformance suite sees it: its six interfaces, where its database is (so that a
/// second instance can be opened on it) and what to dispose.
/// </summary>
public sealed class StoreUnderTest : IAsyncDisposable
{
    private readonly Func<ValueTask> _dispose;

    private StoreUnderTest(object store, string location, Func<ValueTask> dispose)
    {
        Items = (IItemStore)store;
        Deliveries = (IDeliveryStore)store;
        Keys = (IKeyStore)store;
        Audit = (IAuditLog)store;
        ChannelState = (IChannelStateStore)store;
        Lifecycle = (IStoreLifecycle)store;
        Compliance = (IComplianceStore)store;
        Statistics = (IPublicationStatistics)store;
        Tracking = store as ITrackingStore;
        Location = location;
        _dispose = dispose;
    }

    public IItemStore Items { get; }

    public IDeliveryStore Deliveries { get; }

    public IKeyStore Keys { get; }

    public IAuditLog Audit { get; }

    public IChannelStateStore ChannelState { get; }

    public IStoreLifecycle Lifecycle { get; }

    public IComplianceStore Compliance { get; }

    public IPublicationStatistics Statistics { get; }
    /// <summary>Tracking results and the watchdogs' queries; null for a store that has none.</summary>
    public ITrackingStore? Tracking { get; }

    /// <summary>The database: a file path or connection string, as the implementation's tests understand it.</summary>
    public string Location { get; }

    /// <summary>Wraps one object that implements every store interface.</summary>
    public static StoreUnderTest Of<TStore>(TStore store, string location, Func<ValueTask> dispose)
        where TStore : IItemStore, IDeliveryStore, IKeyStore, IAuditLog, IChannelStateStore, IStoreLifecycle, IComplianceStore, IPublicationStatistics =>
        new(store, location, dispose);

    public ValueTask DisposeAsync() => _dispose();
}
