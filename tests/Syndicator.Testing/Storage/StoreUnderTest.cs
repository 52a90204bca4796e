using Syndicator.Core.Storage;

namespace Syndicator.Testing.Storage;

/// <summary>
/// A store implementation as the conformance suite sees it: its interfaces, where its database is (so that a second
/// instance can be opened on it) and what to dispose.
/// </summary>
public sealed class StoreUnderTest : IAsyncDisposable
{
    private readonly Func<ValueTask> _dispose;

    private StoreUnderTest(Func<Type, object?> resolve, string location, Func<ValueTask> dispose)
    {
        Items = Required<IItemStore>(resolve);
        Deliveries = Required<IDeliveryStore>(resolve);
        Keys = Required<IKeyStore>(resolve);
        Audit = Required<IAuditLog>(resolve);
        ChannelState = Required<IChannelStateStore>(resolve);
        Lifecycle = Required<IStoreLifecycle>(resolve);
        Compliance = Required<IComplianceStore>(resolve);
        Statistics = Required<IPublicationStatistics>(resolve);
        HealthChecks = Required<IHealthCheckStore>(resolve);
        DeliveryStatistics = Required<IDeliveryStatistics>(resolve);
        DataProtectionKeys = Required<IDataProtectionKeyStore>(resolve);
        Board = Required<IBoardStore>(resolve);
        Tracking = resolve(typeof(ITrackingStore)) as ITrackingStore;
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

    public IHealthCheckStore HealthChecks { get; }

    public IDeliveryStatistics DeliveryStatistics { get; }

    public IDataProtectionKeyStore DataProtectionKeys { get; }

    public IBoardStore Board { get; }

    /// <summary>Tracking results and the watchdogs' queries; null for a store that has none.</summary>
    public ITrackingStore? Tracking { get; }

    /// <summary>The database: a file path or connection string, as the implementation's tests understand it.</summary>
    public string Location { get; }

    /// <summary>Wraps one object that implements every store interface.</summary>
    public static StoreUnderTest Of<TStore>(TStore store, string location, Func<ValueTask> dispose)
        where TStore : IItemStore, IDeliveryStore, IKeyStore, IAuditLog, IChannelStateStore, IStoreLifecycle, IComplianceStore, IPublicationStatistics,
        IHealthCheckStore, IDeliveryStatistics, IDataProtectionKeyStore =>
        new(type => type.IsInstanceOfType(store) ? store : null, location, dispose);

    /// <summary>Each interface as the container resolves it (the store as the host composes it, one service per interface).</summary>
    public static StoreUnderTest FromServices(IServiceProvider services, string location, Func<ValueTask> dispose)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new(services.GetService, location, dispose);
    }

    private static T Required<T>(Func<Type, object?> resolve) =>
        resolve(typeof(T)) is T found ? found : throw new InvalidOperationException($"The store under test has no {typeof(T).Name}.");

    public ValueTask DisposeAsync() => _dispose();
}
