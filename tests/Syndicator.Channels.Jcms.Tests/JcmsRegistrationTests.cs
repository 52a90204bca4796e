using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.Jcms.Tests;

public sealed class JcmsRegistrationTests
{
    [Fact]
    public void AddJcmsChannel_CalledTwice_OneJcmsFactory()
    {
        var services = new ServiceCollection();

        services.AddJcmsChannel().AddJcmsChannel();

        using var provider = services.BuildServiceProvider();
        var factory = Assert.Single(provider.GetServices<IChannelConnectorFactory>());
        Assert.Equal("jcms", factory.Connector);
    }
}
