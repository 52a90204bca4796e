using System.Text.Json.Nodes;
using Syndicator.Core.Channels;
using Syndicator.Sandbox;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.TrsWcm.Tests;

public sealed class TrsWcmSessionTests : TrsWcmSandboxTests
{
    [Fact]
    public async Task Publish_TwoItems_OneLoginServesBoth()
    {
        var connector = CreateSut().Connector;

        Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, NewItem()));
        Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, NewItem()));

        Assert.Equal(1, (await Sandbox.GetSessionsAsync(Timeout)).Logins);
    }

    [Fact]
    public async Task Publish_SessionExpired_ExactlyOneReloginAndTheCallSucceeds()
    {
        var connector = CreateSut().Connector;
        Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, NewItem()));
        await Sandbox.ExpireSessionsAsync(Timeout);

        var outcome = await PublishAsync(connector, NewItem());

        Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        Assert.Equal(2, (await Sandbox.GetSessionsAsync(Timeout)).Logins);
        Assert.Equal(2, (await ArticlesAsync()).Count);
        Assert.Equal(1, (await Sandbox.Control.GetStatsAsync(TrsWcmSut.Channel, Timeout)).Errors["1001"]);
    }

    [Fact]
    public async Task Publish_SessionExpiredAndReloginRefused_AuthFailedAndNothingCreated()
    {
        var connector = CreateSut().Connector;
        Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, NewItem()));
        await Sandbox.ExpireSessionsAsync(Timeout);
        await Sandbox.SetApprovalSettingsAsync(new JsonObject { ["refuseLogins"] = true }, Timeout);

        var outcome = await PublishAsync(connector, NewItem());

        var failed = Assert.IsType<ChannelOutcome.AuthFailed>(outcome);
        Assert.Contains("Channels:approval:UserName", failed.Reason, StringComparison.Ordinal);
        Assert.Single(await ArticlesAsync());
        var sessions = await Sandbox.GetSessionsAsync(Timeout);
        Assert.Equal(1, sessions.Logins);
        Assert.Equal(1, sessions.RefusedLogins);
    }

    [Fact]
    public async Task Publish_FaultsSentWith500_StillReadAsFaults()
    {
        var connector = CreateSut().Connector;
        await Sandbox.SetApprovalSettingsAsync(new JsonObject { ["faultStatus"] = 500 }, Timeout);
        Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, NewItem()));
        await Sandbox.ExpireSessionsAsync(Timeout);

        var renewed = await PublishAsync(connector, NewItem());
        var refused = await PublishAsync(connector, NewItem(title: new string('长', 201)));

        Assert.IsType<ChannelOutcome.Succeeded>(renewed);
        Assert.Equal("10", Assert.IsType<ChannelOutcome.Rejected>(refused).Code);
    }

    [Fact]
    public async Task CheckHealth_LoginsRefused_UnhealthyNamingTheUser()
    {
        await Sandbox.SetApprovalSettingsAsync(new JsonObject { ["refuseLogins"] = true }, Timeout);

        var health = await CreateSut().Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Unhealthy, health.Status);
        Assert.Contains(SandboxCredentials.ApprovalUserName, health.Detail, StringComparison.Ordinal);
    }
}
