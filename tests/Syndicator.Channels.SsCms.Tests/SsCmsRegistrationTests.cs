using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.SsCms.Tests;

public sealed class SsCmsRegistrationTests
{
    [Fact]
    public void AddSsCmsChannel_CalledTwice_OneSsCmsFactory()
    {
        var services = new ServiceCollection();

        services.AddSsCmsChannel().AddSsCmsChannel();

        using var provider = services.BuildServiceProvider();
        var factory = Assert.Single(provider.GetServices<IChannelConnectorFactory>());
        Assert.Equal("sscms", factory.Connector);
    }
}
