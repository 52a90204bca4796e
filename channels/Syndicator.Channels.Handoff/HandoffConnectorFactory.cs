using Microsoft.Extensions.Configuration;
using Syndicator.Core.Channels;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.Handoff;

/// <summary>Creates <c>handoff</c> connectors; any channel may use one.</summary>
internal sealed class HandoffConnectorFactory(IHttpClientFactory? httpClients = null) : IChannelConnectorFactory
{
    public string Connector => "handoff";

    public IEnumerable<string> Validate(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var prefix = string.IsNullOrEmpty(channel.Settings.Path) ? $"Channels:{channel.Id}" : channel.Settings.Path;
        var url = channel.Settings[nameof(HandoffChannelOptions.BackOfficeUrl)];
        if (!string.IsNullOrWhiteSpace(url)
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            yield return $"{prefix}:BackOfficeUrl must be an absolute http(s) URL; got '{url}'";
        }
    }

    public IChannelConnector Create(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return new HandoffConnector(channel, channel.Settings.Get<HandoffChannelOptions>() ?? new HandoffChannelOptions())
        {
            // Confirmed pages are verified over the channel's named client; without a client factory they are not.
            Policy = Syndicator.Core.Tracking.FetchPolicy.For(channel),
            Http = httpClients is null ? null : () => httpClients.CreateClient(ChannelHttp.PageClientName(channel.Id)),
        };
    }
}
