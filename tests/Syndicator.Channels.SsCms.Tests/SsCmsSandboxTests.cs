using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Sandbox;
using Syndicator.Testing.Conformance;
using Syndicator.Testing.Sandbox;
using Syndicator.Testing;

namespace Syndicator.Channels.SsCms.Tests;

/// <summary>A fresh sandbox per test, and helpers to drive the connector against it.</summary>
public abstract class SsCmsSandboxTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private readonly List<SsCmsSut> _suts = [];

    protected SandboxServer Sandbox { get; private set; } = null!;

    protected CancellationToken Timeout => _timeout.Token;

    public async Task InitializeAsync() => Sandbox = await SandboxServer.StartAsync(cancellationToken: Timeout);

    public async Task DisposeAsync()
    {
        _suts.ForEach(s => s.Dispose());
        await Sandbox.DisposeAsync();
        _timeout.Dispose();
    }

    private protected SsCmsSut CreateSut(string apiKey = SandboxCredentials.BureauApiKey, CatalogueOptions? catalogue = null) =>
        Track(SsCmsSut.ForSandbox(Sandbox, apiKey, catalogue));

    private protected SsCmsSut CreateSut(IDictionary<string, string?> settings, Action<IServiceCollection>? compose = null) =>
        Track(new SsCmsSut(settings, compose: compose));

    protected static ItemRevision NewItem(string? id = null, int revision = 1, string? title = null, string? bodyHtml = null, string category = "工作信息") =>
        Some.Item(id, revision, title, bodyHtml, channels: [SsCmsSut.Channel], category: category);

    protected Task<ChannelOutcome> RunAsync(IChannelConnector connector, InMemoryDelivery delivery) =>
        connector.ExecuteAsync(delivery.NextTry(), Timeout);

    protected Task<ChannelOutcome> PublishAsync(IChannelConnector connector, ItemRevision item) =>
        RunAsync(connector, new InMemoryDelivery(item, SsCmsSut.Channel));

    protected Task<ChannelOutcome> WithdrawAsync(IChannelConnector connector, ItemRevision item, Placement? live) =>
        RunAsync(connector, new InMemoryDelivery(item, SsCmsSut.Channel, DeliveryOperation.Withdraw, live));

    protected static Placement Live(ItemRevision item, string remoteId) =>
        new(item.Id, SsCmsSut.Channel, item.Revision, remoteId, null, Some.Instant());

    protected async Task<IReadOnlyList<SandboxArticle>> ArticlesAsync() =>
        await Sandbox.Control.GetArticlesAsync(SsCmsSut.Channel, Timeout);

    protected Task AddFaultAsync(SandboxFault fault) => Sandbox.Control.AddFaultAsync(SsCmsSut.Channel, fault, Timeout);

    protected async Task<string> PageAsync(Uri url)
    {
        using var client = Sandbox.CreateClient();
        return await client.GetStringAsync(url, Timeout);
    }

    private SsCmsSut Track(SsCmsSut sut)
    {
        _suts.Add(sut);
        return sut;
    }
}
