using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.NoticeBoard;

/// <summary>Registers the <c>noticeboard</c> connector (信息公开栏: a printed notice, posted by hand).</summary>
public static class NoticeBoardServiceCollectionExtensions
{
    /// <summary>Adds an <see cref="IChannelConnectorFactory"/> whose connector name is <c>noticeboard</c>. Safe to call more than once.</summary>
    public static IServiceCollection AddNoticeBoardChannel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelConnectorFactory, NoticeBoardConnectorFactory>());
        return services;
    }
}
