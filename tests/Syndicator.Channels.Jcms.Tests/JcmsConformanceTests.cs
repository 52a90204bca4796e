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
        // The conformance suite updates and withdraws through the platform: a site whose interface does both, and queries.
        var sut = new JcmsSut(JcmsSut.FullSandboxSettings(sandbox, validCredentials ? Syndicator.Sandbox.SandboxCredentials.PortalPassword : "not-the-password"));
        _suts.Add(sut);
        return sut.Connector;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var client = Sandbox.CreateClient();
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "_sandbox/portal/settings", JcmsSandboxTests.FullSite, Timeout);
        response.EnsureSuccessStatusCode();
    }

    public override async Task DisposeAsync()
    {
        _suts.ForEach(s => s.Dispose());
        await base.DisposeAsync();
    }
}
