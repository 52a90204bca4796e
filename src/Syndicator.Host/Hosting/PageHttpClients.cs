using System.Net;
using System.Net.Sockets;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Channels;
using Syndicator.Core.Tracking;
using Syndicator.Host.GoLive;

namespace Syndicator.Host.Hosting;

/// <summary>
/// One page client per channel (<see cref="ChannelHttp.PageClientName"/>): reads of public pages for tracking, the
/// hand-off check and the go-live probe. It sends no credentials and no cookies, follows no redirects itself (the
/// page check follows a few, each through this client), uses no system proxy, and enforces the channel's
/// <see cref="FetchPolicy"/> twice: the URL's host before the request leaves, and the address actually connected to
/// (resolved here, in the connect callback, so a name that resolves to a loopback or private address — DNS
/// rebinding included — is refused unless the channel allows private addresses).
/// </summary>
internal static class PageHttpClients
{
    public static void Add(IServiceCollection services, ChannelDefinition channel, TimeSpan perCall)
    {
        var policy = FetchPolicy.For(channel);
        services.AddHttpClient(ChannelHttp.PageClientName(channel.Id), c =>
            {
                c.Timeout = perCall;
                c.MaxResponseContentBufferSize = PublicPage.MaxPageBytes;
            })
            .AddHttpMessageHandler(() => new ProbeRecordingHandler())
            .AddHttpMessageHandler(() => new HostGuard(policy))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context, cancellationToken),
            });
    }

    /// <summary>Connects to the first address of the host that the policy allows; none: the call fails, naming why.</summary>
    internal static async ValueTask<Stream> ConnectAsync(FetchPolicy policy, SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        if (!policy.IsAllowedHost(endpoint.Host))
        {
            throw new PageFetchRefusedException($"not fetched: {endpoint.Host} is not one of channel {policy.Channel}'s page hosts (Channels:{policy.Channel}:PublicHosts)");
        }

        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(policy.MayConnect).ToList();
        if (allowed.Count == 0)
        {
            throw new PageFetchRefusedException(
                $"not fetched: {endpoint.Host} resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}, not a public address; " +
                $"set Channels:{policy.Channel}:AllowPrivateAddresses=true if the channel's pages really are there");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Connect to exactly the addresses judged above: the name is never resolved again.
            await socket.ConnectAsync([.. allowed], endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Refuses a request whose URL is not on the channel's page hosts before anything leaves.</summary>
    private sealed class HostGuard(FetchPolicy policy) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri is { } uri && policy.Refusal(uri) is { } why
                ? throw new PageFetchRefusedException("not fetched: " + why)
                : base.SendAsync(request, cancellationToken);
    }
}

/// <summary>A page read the channel's <see cref="FetchPolicy"/> does not allow; nothing was sent.</summary>
internal sealed class PageFetchRefusedException : HttpRequestException
{
    public PageFetchRefusedException(string message)
        : base(message)
    {
    }

    public PageFetchRefusedException()
    {
    }

    public PageFetchRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
