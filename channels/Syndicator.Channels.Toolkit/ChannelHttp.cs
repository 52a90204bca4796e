namespace Syndicator.Channels.Toolkit;

/// <summary>Names shared by the composition root and the connectors.</summary>
public static class ChannelHttp
{
    /// <summary>Marks a request as safe to send again; the inner retry layer retries only requests so marked.</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("syndicator.idempotent");

    /// <summary>The named <see cref="HttpClient"/> a connector uses for <paramref name="channelId"/>.</summary>
    public static string ClientName(string channelId) => "channel:" + channelId;

    /// <summary>
    /// The named <see cref="HttpClient"/> that reads <paramref name="channelId"/>'s public pages: it carries no
    /// credentials, follows no redirects itself and reaches only the hosts and addresses the channel's
    /// <see cref="Core.Tracking.FetchPolicy"/> allows.
    /// </summary>
    public static string PageClientName(string channelId) => "page:" + channelId;

    /// <summary>Marks <paramref name="request"/> safe to repeat: a read, or a write whose repetition changes nothing.</summary>
    public static void MarkIdempotent(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(Idempotent, true);
    }

    public static bool IsIdempotent(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Idempotent, out var marked) && marked;
}
