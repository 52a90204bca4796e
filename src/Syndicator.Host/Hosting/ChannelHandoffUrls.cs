using Syndicator.Core.Application;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Tracking;

namespace Syndicator.Host.Hosting;

/// <summary>
/// A hand-off URL must be on one of the channel's page hosts (<see cref="FetchPolicy"/>: the hosts of its
/// <c>BackOfficeUrl</c> and the like, and <c>Channels:&lt;id&gt;:PublicHosts</c>), or the confirmation is refused
/// (422 naming <c>url</c>) and nothing is stored. A channel that names no host at all takes any http(s) URL, which is
/// then recorded but never fetched (tracking leaves it unchecked).
/// </summary>
internal sealed class ChannelHandoffUrls(ChannelCatalogue catalogue) : IHandoffUrlPolicy
{
    public string? Problem(string channel, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (catalogue.Find(channel) is not { } definition)
        {
            return null;
        }

        var policy = FetchPolicy.For(definition);
        return policy.Hosts.Count == 0 || policy.IsAllowed(url)
            ? null
            : $"url is on {url.IdnHost}, which is not one of channel {channel}'s hosts ({string.Join(", ", policy.Hosts.Order(StringComparer.Ordinal))}); add it to Channels:{channel}:PublicHosts if the article really is there.";
    }
}
