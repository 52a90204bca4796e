using System.Net;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Testing.Sandbox;
using Xunit;

namespace Syndicator.Testing.Conformance;

/// <summary>
/// What every connector must do against its sandbox emulator, over real loopback HTTP: publish once, update in
/// place, withdraw, reconcile a create whose answer was lost instead of creating twice, classify a transient
/// failure and refused credentials, and answer a health check. Each test gets its own sandbox, so "exactly one
/// article" means one on the whole platform. Subclass it once per connector.
/// </summary>
public abstract class ChannelConformanceTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    /// <summary>The sandbox of the running test.</summary>
    protected SandboxServer Sandbox { get; private set; } = null!;

    /// <summary>Cancels a test that hangs instead of failing.</summary>
    protected CancellationToken Timeout => _timeout.Token;

    /// <summary>The configured channel id, e.g. <c>bureau</c>.</summary>
    protected abstract string ChannelId { get; }

    /// <summary>The emulator's prefix in the sandbox. Default: <see cref="ChannelId"/>.</summary>
    protected virtual string SandboxChannel => ChannelId;

    /// <summary>The path (below the emulator's prefix) of the call that creates an article, for faults.</summary>
    protected abstract string CreatingCallPath { get; }

    /// <summary>A connector for <see cref="ChannelId"/> pointed at <paramref name="sandbox"/>, with good or wrong credentials.</summary>
    protected abstract IChannelConnector CreateConnector(SandboxServer sandbox, bool validCredentials);

    public virtual async Task InitializeAsync() => Sandbox = await SandboxServer.StartAsync(cancellationToken: Timeout);

    public virtual async Task DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task Publish_NewItem_OneLiveArticleWhosePageAnswers()
    {
        var item = NewItem();

        var outcome = await RunAsync(Connector(), new InMemoryDelivery(item, ChannelId));

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        var article = Assert.Single(await ArticlesAsync());
        Assert.Equal(item.TitleFor(ChannelId), article.Title);
        Assert.Equal(succeeded.RemoteId, article.RemoteId);
        Assert.False(article.Deleted);
        Assert.NotNull(succeeded.Url);
        Assert.Equal(HttpStatusCode.OK, await StatusOfPageAsync(succeeded.Url));
    }

    [Fact]
    public virtual async Task Update_NextRevision_SameArticleWithNewContent()
    {
        var connector = Connector();
        var first = NewItem();
        var published = await PublishAsync(connector, first);
        var before = Assert.Single(await ArticlesAsync());
        var second = NewItem(id: first.Id, revision: 2, title: first.Title, bodyHtml: "<p>第二版正文</p>");

        var outcome = await RunAsync(connector, new InMemoryDelivery(second, ChannelId, DeliveryOperation.Update, live: published));

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        var after = Assert.Single(await ArticlesAsync());
        Assert.Equal(published.RemoteId, succeeded.RemoteId);
        Assert.Equal(before.RemoteId, after.RemoteId);
        Assert.NotEqual(before.ContentHash, after.ContentHash);
        Assert.False(after.Deleted);
    }

    [Fact]
    public async Task Withdraw_LiveItem_ArticleDeleted()
    {
        var connector = Connector();
        var item = NewItem();
        var published = await PublishAsync(connector, item);

        var outcome = await RunAsync(connector, new InMemoryDelivery(item, ChannelId, DeliveryOperation.Withdraw, live: published));

        Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        var article = Assert.Single(await ArticlesAsync());
        Assert.True(article.Deleted);
    }

    [Fact]
    public async Task Publish_CreateCommittedButAnswerLost_ReconcilesWithoutSecondArticle()
    {
        var connector = Connector();
        var delivery = new InMemoryDelivery(NewItem(), ChannelId);
        await Sandbox.Control.AddFaultAsync(SandboxChannel, SandboxFault.CommitThenDropConnection() with { Path = CreatingCallPath }, Timeout);

        var lost = await RunAsync(connector, delivery);
        var retried = await RunAsync(connector, delivery);

        Assert.IsType<ChannelOutcome.Transient>(lost);
        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(retried);
        var article = Assert.Single(await ArticlesAsync());
        Assert.Equal(succeeded.RemoteId, article.RemoteId);
        Assert.Equal(1, (await Sandbox.Control.GetStatsAsync(SandboxChannel, Timeout)).Creates);
    }

    [Fact]
    public async Task Publish_PlatformAnswers503_TransientWithCodeAndNothingCreated()
    {
        await Sandbox.Control.AddFaultAsync(SandboxChannel, SandboxFault.Fail(503) with { Path = CreatingCallPath }, Timeout);

        var outcome = await RunAsync(Connector(), new InMemoryDelivery(NewItem(), ChannelId));

        var transient = Assert.IsType<ChannelOutcome.Transient>(outcome);
        Assert.Equal("503", transient.Code);
        Assert.Empty(await ArticlesAsync());
    }

    [Fact]
    public async Task CheckHealth_GoodCredentials_Healthy()
    {
        var health = await Connector().CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Healthy, health.Status);
        Assert.True(health.Latency >= TimeSpan.Zero);
    }

    [Fact]
    public async Task Publish_WrongCredentials_AuthFailedAndNothingCreated()
    {
        var outcome = await RunAsync(CreateConnector(Sandbox, validCredentials: false), new InMemoryDelivery(NewItem(), ChannelId));

        Assert.IsType<ChannelOutcome.AuthFailed>(outcome);
        Assert.Empty(await ArticlesAsync());
    }

    [Fact]
    public async Task CheckHealth_WrongCredentials_Unhealthy()
    {
        var health = await CreateConnector(Sandbox, validCredentials: false).CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Unhealthy, health.Status);
    }

    /// <summary>A new item routed to <see cref="ChannelId"/>.</summary>
    protected virtual ItemRevision NewItem(string? id = null, int revision = 1, string? title = null, string? bodyHtml = null) =>
        Some.Item(id, revision, title, bodyHtml, channels: [ChannelId]);

    /// <summary>
    /// One try of <paramref name="delivery"/>, asked again while the platform answers <see cref="ChannelOutcome.Pending"/>
    /// (a connector whose platform confirms later overrides this to let the emulator confirm in between).
    /// </summary>
    protected virtual async Task<ChannelOutcome> RunAsync(IChannelConnector connector, InMemoryDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(delivery);
        var outcome = await connector.ExecuteAsync(delivery.NextTry(), Timeout);
        for (var i = 0; i < 10 && outcome is ChannelOutcome.Pending; i++)
        {
            outcome = await connector.ExecuteAsync(delivery.NextTry(), Timeout);
        }

        return outcome;
    }

    /// <summary>Publishes <paramref name="item"/> and answers the placement it leaves; fails the test otherwise.</summary>
    protected async Task<Placement> PublishAsync(IChannelConnector connector, ItemRevision item)
    {
        var delivery = new InMemoryDelivery(item, ChannelId);
        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(connector, delivery));
        return delivery.PlacementOf(succeeded);
    }

    /// <summary>Every article the emulator holds, deleted ones included.</summary>
    protected async Task<IReadOnlyList<SandboxArticle>> ArticlesAsync() =>
        await Sandbox.Control.GetArticlesAsync(SandboxChannel, Timeout);

    protected async Task<HttpStatusCode> StatusOfPageAsync(Uri url)
    {
        using var client = Sandbox.CreateClient();
        using var response = await client.GetAsync(url, Timeout);
        return response.StatusCode;
    }

    private IChannelConnector Connector() => CreateConnector(Sandbox, validCredentials: true);
}
