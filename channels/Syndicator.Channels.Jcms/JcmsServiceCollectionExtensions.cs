using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.Jcms;

/// <summary>Registers the <c>jcms</c> connector (a Hanweb-JCMS-style XML receive interface).</summary>
public static class JcmsServiceCollectionExtensions
{
    /// <summary>
    /// Adds an <see cref="IChannelConnectorFactory"/> whose connector name is <c>jcms</c>. Each channel using it
    /// calls the portal through the named HttpClient <see cref="ChannelHttp.ClientName"/>, which the composition root
    /// registers with its resilience pipeline. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddJcmsChannel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // The factory only; the per-channel named clients (and their resilience) belong to the composition root.
        services.AddHttpClient();

        // The catalogue is read only to check that the category columns configured for a jcms channel are column ids.
        services.AddOptions<CatalogueOptions>();
        services.TryAddSingleton(TimeProvider.System);

        // TryAddEnumerable: one jcms factory however often this is called, beside the other connectors' factories.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelConnectorFactory, JcmsConnectorFactory>());
        return services;
    }
}
