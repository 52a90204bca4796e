using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Events;
using Syndicator.Core.Storage;
using Syndicator.Storage.Postgres;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Tests;

/// <summary>
/// The store over a database a test made itself (its own settings, a statement trace), composed as the service composes
/// it (<see cref="RelationalRegistration.AddRelationalStore"/>): one aggregate per interface over that one database.
/// Disposing it disposes the database, closing its connections.
/// </summary>
internal sealed class ComposedStore : IDisposable
{
    private readonly ServiceProvider _services;

    private ComposedStore(ServiceProvider services) => _services = services;

    public static ComposedStore Over(SqliteDatabase database) => Over(database, EventRoutes.None);

    /// <summary>As the service composes it with <c>Events:Subscriptions</c> configured: the stores record events for <paramref name="routes"/>.</summary>
    public static ComposedStore Over(SqliteDatabase database, EventRoutes routes) =>
        new(new ServiceCollection().AddSingleton(routes).AddRelationalStore(_ => database, d => new SqliteLifecycle(d)).BuildServiceProvider());

    public static ComposedStore Over(PostgresDatabase database) =>
        new(new ServiceCollection().AddRelationalStore(_ => database, d => new PostgresLifecycle(d)).BuildServiceProvider());

    public IItemStore Items => _services.GetRequiredService<IItemStore>();

    public IDeliveryStore Deliveries => _services.GetRequiredService<IDeliveryStore>();

    public IStoreLifecycle Lifecycle => _services.GetRequiredService<IStoreLifecycle>();

    public void Dispose() => _services.Dispose();
}
