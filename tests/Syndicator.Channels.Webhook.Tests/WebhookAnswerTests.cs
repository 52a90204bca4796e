using System.Net;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Testing;
using Syndicator.Testing.Conformance;
using Syndicator.Testing.Processes;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.Webhook.Tests;

/// <summary>How the connector reads the receiver's answers, against the sandbox receiver or a stub that answers as told.</summary>
public sealed class WebhookAnswerTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private readonly List<WebhookSut> _suts = [];
    private SandboxServer _sandbox = null!;

    private CancellationToken Timeout => _timeout.Token;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync(cancellationToken: Timeout);

    public async Task DisposeAsync()
    {
        _suts.ForEach(s => s.Dispose());
        await _sandbox.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task Publish_WrongSecret_ReceiverRefuses401_AuthFailedNamingTheStatusAndTheSecretKey()
    {
        var outcome = await RunAsync(Track(WebhookSut.ForSandbox(_sandbox, WebhookSut.WrongSecret)).Connector, NewDelivery());

        var failed = Assert.IsType<ChannelOutcome.AuthFailed>(outcome);
        Assert.Equal("401", failed.Code);
        Assert.Contains("answered 401", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("Channels:webhook:Secret", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(1, (await _sandbox.Control.GetStatsAsync(WebhookSut.Channel, Timeout)).Errors["401"]);
        Assert.Empty(await _sandbox.Control.GetArticlesAsync(WebhookSut.Channel, Timeout));
    }

    [Fact]
    public async Task Publish_TimestampOutsideTolerance_ReceiverRefuses401()
    {
        var late = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromMinutes(10));
        var settings = WebhookSut.SettingsFor(new Uri(_sandbox.ChannelAddress(WebhookSut.Channel), "events"));

        var outcome = await RunAsync(Track(new WebhookSut(settings, time: late)).Connector, NewDelivery());

        var failed = Assert.IsType<ChannelOutcome.AuthFailed>(outcome);
        Assert.Contains("tolerance of 5 minutes", failed.Reason, StringComparison.Ordinal);
        Assert.Empty(await _sandbox.Control.GetArticlesAsync(WebhookSut.Channel, Timeout));
    }

    [Fact]
    public async Task Publish_ReceiverAnswers410_RejectedNamingGone()
    {
        await _sandbox.Control.AddFaultAsync(WebhookSut.Channel, SandboxFault.Fail(410) with { Path = "/events" }, Timeout);

        var outcome = await RunAsync(Track(WebhookSut.ForSandbox(_sandbox)).Connector, NewDelivery());

        var rejected = Assert.IsType<ChannelOutcome.Rejected>(outcome);
        Assert.Equal("410", rejected.Code);
        Assert.Contains("410 Gone", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ReceiverAnswers422_RejectedNamingTheStatusAndItsText()
    {
        var stub = new StubHandler(HttpStatusCode.UnprocessableEntity, "{\"error\":\"category unknown\"}");

        var outcome = await RunAsync(Stubbed(stub), NewDelivery());

        var rejected = Assert.IsType<ChannelOutcome.Rejected>(outcome);
        Assert.Equal("422", rejected.Code);
        Assert.Contains("category unknown", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ReceiverRedirects_RejectedAskingForTheFinalUrl()
    {
        var outcome = await RunAsync(Stubbed(new StubHandler(HttpStatusCode.PermanentRedirect, "")), NewDelivery());

        var rejected = Assert.IsType<ChannelOutcome.Rejected>(outcome);
        Assert.Equal("308", rejected.Code);
        Assert.Contains("set Channels:webhook:Url to the final address", rejected.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Publish_ThrottledWithRetryAfter_TransientWaitingAsAsked(HttpStatusCode status)
    {
        var stub = new StubHandler(status, "", retryAfterSeconds: 120);

        var outcome = await RunAsync(Stubbed(stub), NewDelivery());

        var transient = Assert.IsType<ChannelOutcome.Transient>(outcome);
        Assert.Equal(TimeSpan.FromSeconds(120), transient.RetryAfter);
        Assert.Equal(status == HttpStatusCode.TooManyRequests, transient.SlowDown);
    }

    [Fact]
    public async Task Publish_Answer2xxWithUrl_UrlBecomesThePlacement_WithoutUrl_None()
    {
        var withUrl = await RunAsync(Stubbed(new StubHandler(HttpStatusCode.OK, "{\"id\":\"doc-7\",\"url\":\"https://example.org/a/7\"}")), NewDelivery());
        var relative = await RunAsync(Stubbed(new StubHandler(HttpStatusCode.Accepted, "{\"url\":\"/a/7\"}")), NewDelivery());

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(withUrl);
        Assert.Equal("doc-7", succeeded.RemoteId);
        Assert.Equal(new Uri("https://example.org/a/7"), succeeded.Url);
        Assert.Null(Assert.IsType<ChannelOutcome.Succeeded>(relative).Url);
    }

    [Fact]
    public async Task EveryTry_SameWebhookIdAndBody_ReceiverStoresOnce()
    {
        var connector = Track(WebhookSut.ForSandbox(_sandbox)).Connector;
        var delivery = NewDelivery();

        var first = Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(connector, delivery));
        var again = Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(connector, delivery));

        Assert.Equal(first, again);
        var article = Assert.Single(await _sandbox.Control.GetArticlesAsync(WebhookSut.Channel, Timeout));
        Assert.Equal(1, article.Metadata["deliveries"]!.GetValue<int>());
        Assert.Equal(1, (await _sandbox.Control.GetStatsAsync(WebhookSut.Channel, Timeout)).Creates);
    }

    [Fact]
    public async Task Headers_CarryTheDeliveryIdAndConfiguredExtras()
    {
        var stub = new StubHandler(HttpStatusCode.OK, "{}");
        var settings = WebhookSut.SettingsFor(new Uri("http://receiver.test/hook"));
        settings["Headers:X-Api-Key"] = "k-123";
        var delivery = NewDelivery();

        await RunAsync(Track(new WebhookSut(settings, () => stub)).Connector, delivery);

        var request = Assert.Single(stub.Requests);
        Assert.Equal(delivery.Delivery.Id, request.Headers.GetValues("webhook-id").Single());
        Assert.StartsWith("v1,", request.Headers.GetValues("webhook-signature").Single(), StringComparison.Ordinal);
        Assert.Equal("k-123", request.Headers.GetValues("X-Api-Key").Single());
    }

    private static InMemoryDelivery NewDelivery() =>
        new(Some.Item(ItemJson.NewId("wh"), channels: [WebhookSut.Channel]), WebhookSut.Channel);

    private IChannelConnector Stubbed(StubHandler stub) =>
        Track(new WebhookSut(WebhookSut.SettingsFor(new Uri("http://receiver.test/hook")), () => stub)).Connector;

    private Task<ChannelOutcome> RunAsync(IChannelConnector connector, InMemoryDelivery delivery) =>
        connector.ExecuteAsync(delivery.NextTry(), Timeout);

    private WebhookSut Track(WebhookSut sut)
    {
        _suts.Add(sut);
        return sut;
    }
}
