using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Syndicator.Core.Tests.Support;
using Syndicator.Testing;
using Syndicator.Testing.Fakes;

namespace Syndicator.Core.Tests.Dispatch;

/// <summary>
/// A <see cref="DeliveryRunner"/> over the in-memory store with fake connectors on channels <c>bureau</c> and
/// <c>wechat</c> (bureau's tries are cut off after 10 s), fake time, and a retry schedule whose jitter is pinned to
/// the middle (so the first retry is exactly 30 s later).
/// </summary>
internal sealed class DispatchHarness
{
    public DispatchHarness()
    {
        var config = TestConfig.From(
            ("Channels:bureau:Connector", "fake"),
            ("Channels:bureau:AttemptTimeout", "00:00:10"),
            ("Channels:wechat:Connector", "fake"));
        Catalogue = TestConfig.Catalogue(config);
        Gates = new ChannelGates(Catalogue, Time);
        Runner = new DeliveryRunner(
            new RevisionCache(Store), Store, new ConnectorRegistry(Catalogue, [Connectors]), Catalogue,
            new DeliveryStateMachine(new RetryOptions(), () => 0.5), Gates, Time,
            Options.Create(new DispatcherOptions()), NullLogger<DeliveryRunner>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(Some.Instant());

    public InMemoryStore Store { get; } = new();

    public IDeliveryStore Deliveries => Store;

    public FakeConnectorFactory Connectors { get; } = new();

    public ChannelCatalogue Catalogue { get; }

    public ChannelGates Gates { get; }

    public DeliveryRunner Runner { get; }

    /// <summary>Accepts <paramref name="item"/> now and returns its new delivery on each of its channels.</summary>
    public async Task<IReadOnlyDictionary<string, Delivery>> AcceptAsync(ItemRevision item)
    {
        var outcome = await Store.AcceptAsync(item with { AcceptedAt = Time.GetUtcNow() }, "test", CancellationToken.None);
        Assert.Equal(AcceptKind.Accepted, outcome.Kind);
        return (await ItemAsync(item.Id)).Deliveries
            .Where(d => d.Revision == item.Revision)
            .ToDictionary(d => d.Channel, StringComparer.Ordinal);
    }

    public async Task<ItemRecord> ItemAsync(string id) => (await ((IItemStore)Store).GetAsync(id, CancellationToken.None))!;

    /// <summary>Claims the one due delivery of <paramref name="channel"/>.</summary>
    public async Task<DeliveryLease> ClaimAsync(string channel)
    {
        var leases = await Store.ClaimAsync(channel, "test-worker", 1, Time.GetUtcNow(), TimeSpan.FromSeconds(60), CancellationToken.None);
        return Assert.Single(leases);
    }

    /// <summary>The delivery as the store holds it now.</summary>
    public async Task<Delivery> DeliveryAsync(string id) => (await Deliveries.GetAsync(id, CancellationToken.None))!;

    public Task<IReadOnlyList<Attempt>> AttemptsAsync(string id) => Deliveries.GetAttemptsAsync(id, CancellationToken.None);
}
