using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Syndicator.Core.Channels;
using Syndicator.Core.Storage;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.WeChat;

/// <summary>Registers the <c>wechat</c> connector (Official Account HTTP API: drafts and free publish).</summary>
public static class WeChatServiceCollectionExtensions
{
    /// <summary>
    /// Adds an <see cref="IChannelConnectorFactory"/> whose connector name is <c>wechat</c>. Each channel using it
    /// calls WeChat through the named HttpClient <see cref="ChannelHttp.ClientName"/>, which the composition root
    /// registers with its resilience pipeline, and keeps its access token in the <see cref="IChannelStateStore"/>
    /// the storage registers (shared by every process). Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddWeChatChannel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // The factory only; the per-channel named clients (and their resilience) belong to the composition root.
        services.AddHttpClient();
        services.TryAddSingleton(TimeProvider.System);

        // TryAddEnumerable: one wechat factory however often this is called, beside the other connectors' factories.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelConnectorFactory, WeChatConnectorFactory>());
        return services;
    }
}
