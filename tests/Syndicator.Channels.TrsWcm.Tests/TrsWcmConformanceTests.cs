using Syndicator.Core.Channels;
using Syndicator.Testing.Conformance;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.TrsWcm.Tests;

public sealed class TrsWcmConformanceTests : ChannelConformanceTests
{
    private readonly List<TrsWcmSut> _suts = [];

    protected override string ChannelId => TrsWcmSut.Channel;

    protected override string CreatingCallPath => "/wcm/center.do";

    protected override IChannelConnector CreateConnector(SandboxServer sandbox, bool validCredentials)
    {
        var sut = TrsWcmSut.ForSandbox(sandbox, validCredentials ? Syndicator.Sandbox.SandboxCredentials.ApprovalPassword : "not-the-password");
        _suts.Add(sut);
        return sut.Connector;
    }

    public override async Task DisposeAsync()
    {
        _suts.ForEach(s => s.Dispose());
        await base.DisposeAsync();
    }
}
