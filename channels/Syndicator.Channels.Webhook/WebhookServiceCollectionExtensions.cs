using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.Webhook;

/// <summary>Registers the <c>webhook</c> connector (signed JSON events, Standard Webhooks).</summary>
public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Adds an <see cref="IChannelConnectorFactory"/> whose connector name is <c>webhook</c>. Each channel using it
    /// POSTs through the named HttpClient the composition root registers for it. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddWebhookChannel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelConnectorFactory, WebhookConnectorFactory>());
        return services;
    }
}
