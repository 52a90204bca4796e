using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Syndicator.Core.Channels;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.TrsWcm;

/// <summary>Registers the <c>trswcm</c> connector (TRS WCM, <c>center.do</c> service RPC).</summary>
public static class TrsWcmServiceCollectionExtensions
{
    /// <summary>
    /// Adds an <see cref="IChannelConnectorFactory"/> whose connector name is <c>trswcm</c>. Each channel using it
    /// calls WCM through the named HttpClient <see cref="ChannelHttp.ClientName"/>, which the composition root
    /// registers with its resilience pipeline; this makes that client's handler follow no redirects and keep no
    /// cookies (T1: the login's 302 carries the session cookie, which a following handler would eat; the session is
    /// sent explicitly). The session is shared through <see cref="Core.Storage.IChannelStateStore"/> (T2), which the
    /// composition root registers. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddTrsWcmChannel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddHttpClient();
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureAll<HttpClientFactoryOptions>(options => options.HttpMessageHandlerBuilderActions.Add(builder =>
        {
            if (IsTrsWcmClient(builder.Name, builder.Services))
            {
                switch (builder.PrimaryHandler)
                {
                    case SocketsHttpHandler sockets:
                        sockets.AllowAutoRedirect = false;
                        sockets.UseCookies = false;
                        break;
                    case HttpClientHandler handler:
                        handler.AllowAutoRedirect = false;
                        handler.UseCookies = false;
                        break;
                    default:
                        break;
                }
            }
        }));

        // TryAddEnumerable: one trswcm factory however often this is called, beside the other connectors' factories.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelConnectorFactory, TrsWcmConnectorFactory>());
        return services;
    }

    private static bool IsTrsWcmClient(string? name, IServiceProvider services)
    {
        const string prefix = "channel:";
        if (name is null || !name.StartsWith(prefix, StringComparison.Ordinal) || ChannelHttp.ClientName(name[prefix.Length..]) != name)
        {
            return false;
        }

        var configuration = services.GetService<IConfiguration>();
        return string.Equals(configuration?[$"Channels:{name[prefix.Length..]}:Connector"], "trswcm", StringComparison.OrdinalIgnoreCase);
    }
}
