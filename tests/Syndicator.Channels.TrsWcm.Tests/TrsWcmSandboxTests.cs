using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Sandbox;
using Syndicator.Testing;
using Syndicator.Testing.Conformance;
using Syndicator.Testing.Sandbox;
using Syndicator.Testing.Fakes;

namespace Syndicator.Channels.TrsWcm.Tests;

/// <summary>A fresh sandbox per test, and helpers to drive the connector against it.</summary>
public abstract class TrsWcmSandboxTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private readonly List<TrsWcmSut> _suts = [];

    protected SandboxServer Sandbox { get; private set; } = null!;

    protected CancellationToken Timeout => _timeout.Token;

    public async Task InitializeAsync() => Sandbox = await SandboxServer.StartAsync(cancellationToken: Timeout);

    public async Task DisposeAsync()
    {
        _suts.ForEach(s => s.Dispose());
        await Sandbox.DisposeAsync();
        _timeout.Dispose();
    }

    private protected TrsWcmSut CreateSut(
        string password = SandboxCredentials.ApprovalPassword, IDictionary<string, string?>? settings = null, InMemoryChannelStateStore? state = null) =>
        Track(TrsWcmSut.ForSandbox(Sandbox, password, settings, state));

    protected static ItemRevision NewItem(string? id = null, int revision = 1, string? title = null, string? bodyHtml = null) =>
        Some.Item(id, revision, title, bodyHtml, channels: [TrsWcmSut.Channel]);

    protected Task<ChannelOutcome> RunAsync(IChannelConnector connector, InMemoryDelivery delivery) =>
        connector.ExecuteAsync(delivery.NextTry(), Timeout);

    protected Task<ChannelOutcome> PublishAsync(IChannelConnector connector, ItemRevision item) =>
        RunAsync(connector, new InMemoryDelivery(item, TrsWcmSut.Channel));

    protected static Placement Live(ItemRevision item, string remoteId) =>
        new(item.Id, TrsWcmSut.Channel, item.Revision, remoteId, null, Some.Instant());

    protected static InMemoryDelivery Delivery(ItemRevision item, DeliveryOperation operation = DeliveryOperation.Publish, Placement? live = null) =>
        new(item, TrsWcmSut.Channel, operation, live);

    protected async Task<IReadOnlyList<SandboxArticle>> ArticlesAsync() =>
        await Sandbox.Control.GetArticlesAsync(TrsWcmSut.Channel, Timeout);

    protected Task AddFaultAsync(SandboxFault fault) => Sandbox.Control.AddFaultAsync(TrsWcmSut.Channel, fault, Timeout);

    protected async Task<string> PageAsync(Uri url)
    {
        using var client = Sandbox.CreateClient();
        return await client.GetStringAsync(url, Timeout);
    }

    private TrsWcmSut Track(TrsWcmSut sut)
    {
        _suts.Add(sut);
        return sut;
    }
}
