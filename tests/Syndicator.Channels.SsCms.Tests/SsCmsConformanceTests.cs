using Syndicator.Core.Channels;
using Syndicator.Testing.Conformance;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.SsCms.Tests;

public sealed class SsCmsConformanceTests : ChannelConformanceTests
{
    private readonly List<SsCmsSut> _suts = [];

    protected override string ChannelId => SsCmsSut.Channel;

    protected override string CreatingCallPath => "/api/v1/contents/1/2";

    protected override IChannelConnector CreateConnector(SandboxServer sandbox, bool validCredentials)
    {
        var sut = SsCmsSut.ForSandbox(sandbox, validCredentials ? Syndicator.Sandbox.SandboxCredentials.BureauApiKey : "00000000-0000-0000-0000-000000000000");
        _suts.Add(sut);
        return sut.Connector;
    }

    public override async Task DisposeAsync()
    {
        _suts.ForEach(s => s.Dispose());
        await base.DisposeAsync();
    }
}
