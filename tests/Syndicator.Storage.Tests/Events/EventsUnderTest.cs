using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Events;
using Syndicator.Core.Storage;

namespace Syndicator.Storage.Tests.Events;

/// <summary>
/// The item, delivery and event stores over one database, composed as the host composes them
/// (<c>AddSyndicatorStorage</c>, with the <see cref="EventRoutes"/> the host registers from <c>Events</c>).
/// </summary>
public sealed class EventsUnderTest : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EventsUnderTest(ServiceProvider services, string location)
    {
        _services = services;
        Location = location;
    }

    public IItemStore Items => _services.GetRequiredService<IItemStore>();

    public IDeliveryStore Deliveries => _services.GetRequiredService<IDeliveryStore>();

    public IEventStore Events => _services.GetRequiredService<IEventStore>();

    public IStoreLifecycle Lifecycle => _services.GetRequiredService<IStoreLifecycle>();

    /// <summary>The database: the data directory (SQLite) or the connection string (PostgreSQL).</summary>
    public string Location { get; }

    public static EventsUnderTest Open(StorageOptions options, EventRoutes routes, string location) =>
        new(new ServiceCollection().AddSingleton(routes).AddSyndicatorStorage(options).BuildServiceProvider(), location);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
