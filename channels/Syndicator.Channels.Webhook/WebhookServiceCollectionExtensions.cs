using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Syndicator.Core.Channels;
using Syndicator.Core.Events;

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

    /// <summary>
    /// Adds the sender of events to subscriptions (<c>Events:Subscriptions</c>): signed and answered like the connector's
    /// sends, over one named HttpClient that follows no redirect (a redirect would carry the signed event elsewhere).
    /// </summary>
    public static IServiceCollection AddWebhookEvents(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(WebhookEventSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .UseSocketsHttpHandler((handler, _) =>
            {
                handler.AllowAutoRedirect = false;
                handler.PooledConnectionLifetime = Syndicator.Channels.Toolkit.ChannelHttp.ConnectionLifetime;
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<IEventSender, WebhookEventSender>();
        return services;
    }
}
