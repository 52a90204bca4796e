using Syndicator.Core.Channels;
using Syndicator.Testing.Conformance;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.Jcms.Tests;

public sealed class JcmsConformanceTests : ChannelConformanceTests
{
    private readonly List<JcmsSut> _suts = [];

    protected override string ChannelId => JcmsSut.Channel;

    protected override string CreatingCallPath => "/jcms/interface/receive.jsp";

    protected override IChannelConnector CreateConnector(SandboxServer sandbox, bool validCredentials)
    {
        var sut = JcmsSut.ForSandbox(sandbox, validCredentials ? Syndicator.Sandbox.SandboxCredentials.PortalPassword : "not-the-password");
        _suts.Add(sut);
        return sut.Connector;
    }

    public override async Task DisposeAsync()
    {
        _suts.ForEach(s => s.Dispose());
        await base.DisposeAsync();
    }
}
