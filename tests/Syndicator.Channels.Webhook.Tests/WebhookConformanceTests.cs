using Syndicator.Core.Channels;
using Syndicator.Testing.Conformance;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.Webhook.Tests;

/// <summary>The shared connector conformance suite against the sandbox's Standard Webhooks receiver.</summary>
public sealed class WebhookConformanceTests : ChannelConformanceTests
{
    private readonly List<WebhookSut> _suts = [];

    protected override string ChannelId => WebhookSut.Channel;

    protected override string CreatingCallPath => "/events";

    protected override IChannelConnector CreateConnector(SandboxServer sandbox, bool validCredentials)
    {
        var sut = validCredentials ? WebhookSut.ForSandbox(sandbox) : WebhookSut.ForSandbox(sandbox, WebhookSut.WrongSecret);
        _suts.Add(sut);
        return sut.Connector;
    }

    public override async Task DisposeAsync()
    {
        _suts.ForEach(s => s.Dispose());
        await base.DisposeAsync();
    }
}
