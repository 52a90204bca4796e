using Syndicator.Core.Channels;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.SsCms.Tests;

public sealed class SsCmsSecretTests : SsCmsSandboxTests
{
    private const string WrongKey = "0badc0de-0000-4000-8000-00000000feed";

    [Fact]
    public async Task Outcomes_AuthAndTransientFailures_NeverCarryTheKey()
    {
        var refused = CreateSut(WrongKey);
        var good = CreateSut();
        var authFailed = await PublishAsync(refused.Connector, NewItem());
        await AddFaultAsync(SandboxFault.Fail(503) with { Path = "/api/v1/contents/1/2" });
        var transient = await PublishAsync(good.Connector, NewItem());
        var outcomes = new[] { authFailed, transient };
        var health = await refused.Connector.CheckHealthAsync(Timeout);

        Assert.IsType<ChannelOutcome.AuthFailed>(outcomes[0]);
        Assert.IsType<ChannelOutcome.Transient>(outcomes[1]);
        Assert.All(outcomes, o => Assert.DoesNotContain(WrongKey, o.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(WrongKey, health.Detail, StringComparison.Ordinal);
        Assert.NotEmpty(refused.Logs.Messages);
        Assert.All(refused.Logs.Messages.Concat(good.Logs.Messages), m =>
        {
            Assert.DoesNotContain(WrongKey, m, StringComparison.Ordinal);
            Assert.DoesNotContain(Syndicator.Sandbox.SandboxCredentials.BureauApiKey, m, StringComparison.Ordinal);
        });
    }
}
