using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.Handoff;

/// <summary>Registers the <c>handoff</c> connector (platforms without an inbound interface).</summary>
public static class HandoffServiceCollectionExtensions
{
    /// <summary>Adds an <see cref="IChannelConnectorFactory"/> whose connector name is <c>handoff</c>. Safe to call more than once.</summary>
    public static IServiceCollection AddHandoffChannel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // The client factory lets confirmed pages be verified after release; the named clients are the host's.
        services.AddHttpClient();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelConnectorFactory, HandoffConnectorFactory>());
        return services;
    }
}
