namespace Syndicator.Channels.Toolkit;

/// <summary>Names shared by the composition root and the connectors.</summary>
/// <remarks>
/// A connector builds its API client (RestSharp's <c>RestClient</c> over the channel's named client) once per channel
/// and keeps it for the process's life, as RestSharp advises: no client is built per try. Because that client is
/// long-lived, the composition root gives each channel's primary handler a <see cref="ConnectionLifetime"/>, so a
/// platform that moves to another address is reached there within that time (what the factory's handler rotation
/// would otherwise have done).
/// </remarks>
public static class ChannelHttp
{
    /// <summary>Marks a request as safe to send again; the inner retry layer retries only requests so marked.</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("syndicator.idempotent");

    /// <summary>How long one pooled connection to a platform is kept before a new one is opened (and DNS asked again).</summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(2);

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
