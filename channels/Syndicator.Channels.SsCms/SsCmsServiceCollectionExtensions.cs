using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.SsCms;

/// <summary>Registers the <c>sscms</c> connector (SSCMS 7.x, v1 contents API).</summary>
public static class SsCmsServiceCollectionExtensions
{
    /// <summary>
    /// Adds an <see cref="IChannelConnectorFactory"/> whose connector name is <c>sscms</c>. Each channel using it
    /// calls SSCMS through the named HttpClient <see cref="ChannelHttp.ClientName"/>, which the composition root
    /// registers with its resilience pipeline. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddSsCmsChannel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // The factory only; the per-channel named clients (and their resilience) belong to the composition root.
        services.AddHttpClient();
        services.AddOptions<CatalogueOptions>();
        services.TryAddSingleton(TimeProvider.System);

        // TryAddEnumerable: one sscms factory however often this is called, beside the other connectors' factories.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelConnectorFactory, SsCmsConnectorFactory>());
        return services;
    }
}
