using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Syndicator.Core.Channels;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.TrsWcm;

/// <summary>Registers the <c>trswcm</c> connector (TRS WCM, <c>center.do</c> service RPC).</summary>
public static class TrsWcmServiceCollectionExtensions
{
    /// <summary>
    /// Adds an <see cref="IChannelConnectorFactory"/> whose connector name is <c>trswcm</c>. Each channel using it
    /// calls WCM through the named HttpClient <see cref="ChannelHttp.ClientName"/>, which the composition root
    /// registers with its resilience pipeline. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddTrsWcmChannel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // The factory only; the per-channel named clients (and their resilience) belong to the composition root.
        services.AddHttpClient();
        services.TryAddSingleton(TimeProvider.System);

        // TryAddEnumerable: one trswcm factory however often this is called, beside the other connectors' factories.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelConnectorFactory, TrsWcmConnectorFactory>());
        return services;
    }
}
