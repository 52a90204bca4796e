using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Events;
using Syndicator.Core.Storage;
using Syndicator.Storage.Relational;

namespace Syndicator.Storage;

/// <summary>Composes the store: one database per provider, one singleton per aggregate over it.</summary>
internal static class RelationalRegistration
{
    /// <summary>
    /// Registers <paramref name="database"/> as one singleton, so that every aggregate shares its connections (and
    /// SQLite's write gate), the provider's <paramref name="lifecycle"/> over it, and each store interface resolved to
    /// its aggregate's singleton. The container disposes the database with itself; the aggregates own nothing to dispose.
    /// </summary>
    public static IServiceCollection AddRelationalStore<TDatabase>(
        this IServiceCollection services, Func<IServiceProvider, TDatabase> database, Func<TDatabase, IStoreLifecycle> lifecycle)
        where TDatabase : class, IStoreDatabase
    {
        services.AddSingleton(database);
        services.AddSingleton(sp => lifecycle(sp.GetRequiredService<TDatabase>()));
        services.AddSingleton<IItemStore>(sp => new ItemStore(sp.GetRequiredService<TDatabase>(), Routes(sp)));
        services.AddSingleton<IDeliveryStore>(sp => new DeliveryStore(sp.GetRequiredService<TDatabase>(), Routes(sp)));
        Add<IEventStore, TDatabase>(services, db => new EventStore(db));
        Add<IKeyStore, TDatabase>(services, db => new KeyStore(db));
        Add<IAuditLog, TDatabase>(services, db => new AuditLog(db));
        Add<IUserStore, TDatabase>(services, db => new UserStore(db));
        Add<ITrackingStore, TDatabase>(services, db => new TrackingStore(db));
        Add<IChannelStateStore, TDatabase>(services, db => new ChannelStateStore(db));
        Add<IDataProtectionKeyStore, TDatabase>(services, db => new DataProtectionKeyStore(db));
        Add<IBoardStore, TDatabase>(services, db => new BoardStore(db));

        services.AddSingleton(sp => new HealthCheckStore(sp.GetRequiredService<TDatabase>()));
        services.AddSingleton<IHealthCheckStore>(sp => sp.GetRequiredService<HealthCheckStore>());
        services.AddSingleton<IDeliveryStatistics>(sp => sp.GetRequiredService<HealthCheckStore>());

        services.AddSingleton(sp => new ComplianceStore(sp.GetRequiredService<TDatabase>()));
        services.AddSingleton<IComplianceStore>(sp => sp.GetRequiredService<ComplianceStore>());
        services.AddSingleton<IPublicationStatistics>(sp => sp.GetRequiredService<ComplianceStore>());
        return services;
    }

    /// <summary>Who gets which event; none (nothing recorded) where the host registered no events section.</summary>
    private static EventRoutes Routes(IServiceProvider sp) => sp.GetService<EventRoutes>() ?? EventRoutes.None;

    private static void Add<TService, TDatabase>(IServiceCollection services, Func<TDatabase, TService> create)
        where TService : class
        where TDatabase : class =>
        services.AddSingleton(sp => create(sp.GetRequiredService<TDatabase>()));
}
