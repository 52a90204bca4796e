using Syndicator.Core.Channels;
using Syndicator.Sandbox;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.TrsWcm.Tests;

public sealed class TrsWcmSecretTests : TrsWcmSandboxTests
{
    private const string WrongPassword = "Wr0ng-Passw0rd-7731";

    [Fact]
    public async Task Calls_AnyOutcome_PasswordOnlyInTheLoginBody()
    {
        var good = CreateSut();
        var refused = CreateSut(WrongPassword);
        await PublishAsync(good.Connector, NewItem());
        await Sandbox.ExpireSessionsAsync(Timeout);
        await AddFaultAsync(SandboxFault.Fail(503) with { Path = "/wcm/center.do" });
        var transient = await PublishAsync(good.Connector, NewItem());
        var authFailed = await PublishAsync(refused.Connector, NewItem());
        var health = await refused.Connector.CheckHealthAsync(Timeout);

        Assert.IsType<ChannelOutcome.Transient>(transient);
        Assert.IsType<ChannelOutcome.AuthFailed>(authFailed);
        var requests = good.Requests.Concat(refused.Requests).ToList();
        Assert.Contains(requests, r => r.Body.Contains(Uri.EscapeDataString(SandboxCredentials.ApprovalPassword), StringComparison.Ordinal));
        foreach (var secret in new[] { SandboxCredentials.ApprovalPassword, WrongPassword, Uri.EscapeDataString(SandboxCredentials.ApprovalPassword) })
        {
            Assert.All(requests, r => Assert.DoesNotContain(secret, r.Url.OriginalString, StringComparison.Ordinal));
            Assert.All(requests, r => Assert.DoesNotContain(secret, r.Headers, StringComparison.Ordinal));
            Assert.All(good.Logs.Messages.Concat(refused.Logs.Messages), m => Assert.DoesNotContain(secret, m, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, authFailed.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, transient.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, health.Detail, StringComparison.Ordinal);
        }

        Assert.NotEmpty(refused.Logs.Messages);
    }
}
