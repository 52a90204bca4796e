using System.Net.Http.Json;
using System.Text.Json;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Sandbox;
using Syndicator.Testing;
using Syndicator.Testing.Conformance;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.Jcms.Tests;

/// <summary>A fresh sandbox per test, and helpers to drive the connector against it.</summary>
public abstract class JcmsSandboxTests : IAsyncLifetime
{
    protected const string ReceivePath = "/jcms/interface/receive.jsp";

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private readonly List<JcmsSut> _suts = [];

    protected SandboxServer Sandbox { get; private set; } = null!;

    protected CancellationToken Timeout => _timeout.Token;

    public async Task InitializeAsync() => Sandbox = await SandboxServer.StartAsync(cancellationToken: Timeout);

    public async Task DisposeAsync()
    {
        _suts.ForEach(s => s.Dispose());
        await Sandbox.DisposeAsync();
        _timeout.Dispose();
    }

    private protected JcmsSut CreateSut(string password = SandboxCredentials.PortalPassword) => Track(JcmsSut.ForSandbox(Sandbox, password));

    private protected JcmsSut CreateSut(IDictionary<string, string?> settings) => Track(new JcmsSut(settings));

    /// <summary>A connector for a site that updates, deletes and answers queries; <see cref="FullSiteAsync"/> sets the site up so.</summary>
    private protected JcmsSut CreateFullSut(string password = SandboxCredentials.PortalPassword) =>
        Track(new JcmsSut(JcmsSut.FullSandboxSettings(Sandbox, password)));

    /// <summary>Sets the emulated site up (<c>POST /_sandbox/portal/settings</c>).</summary>
    protected async Task SiteAsync(object settings)
    {
        using var client = Sandbox.CreateClient();
        using var response = await client.PostAsJsonAsync("_sandbox/portal/settings", settings, Timeout);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The site with update, delete and query enabled, operations named by <c>status</c>.</summary>
    protected Task FullSiteAsync() => SiteAsync(FullSite);

    internal static readonly object FullSite = new { operationElement = "status", supportsUpdate = true, supportsDelete = true, supportsQuery = true };

    protected static ItemRevision NewItem(string? id = null, int revision = 1, string? title = null, string? bodyHtml = null) =>
        Some.Item(id, revision, title, bodyHtml, channels: [JcmsSut.Channel]);

    protected Task<ChannelOutcome> RunAsync(IChannelConnector connector, InMemoryDelivery delivery) =>
        connector.ExecuteAsync(delivery.NextTry(), Timeout);

    protected Task<ChannelOutcome> PublishAsync(IChannelConnector connector, ItemRevision item) =>
        RunAsync(connector, new InMemoryDelivery(item, JcmsSut.Channel));

    protected Task<ChannelOutcome> WithdrawAsync(IChannelConnector connector, ItemRevision item, Placement? live) =>
        RunAsync(connector, new InMemoryDelivery(item, JcmsSut.Channel, DeliveryOperation.Withdraw, live));

    protected static Placement Live(ItemRevision item, string remoteId) =>
        new(item.Id, JcmsSut.Channel, item.Revision, remoteId, null, Some.Instant());

    protected async Task<IReadOnlyList<SandboxArticle>> ArticlesAsync() =>
        await Sandbox.Control.GetArticlesAsync(JcmsSut.Channel, Timeout);

    protected Task<SandboxStats> StatsAsync() => Sandbox.Control.GetStatsAsync(JcmsSut.Channel, Timeout);

    protected Task AddFaultAsync(SandboxFault fault) => Sandbox.Control.AddFaultAsync(JcmsSut.Channel, fault, Timeout);

    /// <summary>The calls the emulator received: <c>target</c> (path and query as sent) and <c>credentialsIn</c>.</summary>
    protected async Task<IReadOnlyList<JsonElement>> ReceivedAsync()
    {
        using var client = Sandbox.CreateClient();
        return await client.GetFromJsonAsync<JsonElement[]>("_sandbox/portal/requests", Timeout) ?? [];
    }

    protected async Task<string> PageAsync(Uri url)
    {
        using var client = Sandbox.CreateClient();
        return await client.GetStringAsync(url, Timeout);
    }

    private JcmsSut Track(JcmsSut sut)
    {
        _suts.Add(sut);
        return sut;
    }
}
