using System.Net;
using System.Net.Sockets;
using Syndicator.Core.Channels;

namespace Syndicator.Core.Tracking;

/// <summary>
/// Where reads of a channel's public pages may go (tracking after release, the go-live probe's page check, a confirmed
/// hand-off URL): only to the hosts of the channel's own configured addresses (<c>BaseUrl</c>, <c>SiteUrl</c>,
/// <c>BackOfficeUrl</c>, <c>PageUrlRule</c>, <c>ApiBaseUrl</c>), its platform's own page host (WeChat:
/// <c>mp.weixin.qq.com</c>) and <c>Channels:&lt;id&gt;:PublicHosts</c>; and only to public
/// addresses unless <c>Channels:&lt;id&gt;:AllowPrivateAddresses</c> is true (loopback, link-local, private,
/// shared and unspecified addresses are otherwise refused at connect time, whatever a name resolves to).
/// </summary>
public sealed class FetchPolicy
{
    /// <summary>The settings whose hosts a channel's pages may be read from.</summary>
    private static readonly string[] AddressKeys = ["BaseUrl", "SiteUrl", "BackOfficeUrl", "PageUrlRule", "ApiBaseUrl"];

    /// <summary>Where a connector's platform publishes its pages whatever the settings: WeChat's articles are on mp.weixin.qq.com.</summary>
    private static readonly Dictionary<string, string[]> ConnectorHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["wechat"] = ["mp.weixin.qq.com"],
    };

    private readonly HashSet<string> _hosts;

    private FetchPolicy(string channel, HashSet<string> hosts, bool allowPrivate)
    {
        Channel = channel;
        _hosts = hosts;
        AllowPrivateAddresses = allowPrivate;
    }

    /// <summary>The channel this policy is for.</summary>
    public string Channel { get; }

    /// <summary>The host names (lower case) pages may be read from.</summary>
    public IReadOnlyCollection<string> Hosts => _hosts;

    /// <summary>Whether connections to loopback, link-local and private addresses are allowed. Default: false.</summary>
    public bool AllowPrivateAddresses { get; }

    /// <summary>The policy of <paramref name="channel"/>, read from its settings.</summary>
    public static FetchPolicy For(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in AddressKeys)
        {
            // PageUrlRule holds {placeholders}; its host never does.
            var value = channel.Settings[key]?.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host))
            {
                hosts.Add(uri.IdnHost);
            }
        }

        foreach (var host in ConnectorHosts.GetValueOrDefault(channel.Connector) ?? [])
        {
            hosts.Add(host);
        }

        foreach (var entry in channel.Settings.GetSection("PublicHosts").GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(entry.Value))
            {
                hosts.Add(entry.Value.Trim().TrimEnd('.'));
            }
        }

        var allowPrivate = bool.TryParse(channel.Settings["AllowPrivateAddresses"], out var flag) && flag;
        return new FetchPolicy(channel.Id, hosts, allowPrivate);
    }

    /// <summary>Whether <paramref name="uri"/> is an absolute http(s) URL on one of the channel's page hosts.</summary>
    public bool IsAllowed(Uri uri) => Refusal(uri) is null;

    /// <summary>Why <paramref name="uri"/> may not be read, naming the setting that would allow it; null when it may.</summary>
    public string? Refusal(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || uri.Scheme is not ("http" or "https"))
        {
            return $"{uri} is not an absolute http(s) URL";
        }

        return IsAllowedHost(uri.IdnHost)
            ? null
            : $"{uri.IdnHost} is not one of channel {Channel}'s page hosts (the hosts of its BaseUrl, SiteUrl, BackOfficeUrl, PageUrlRule, ApiBaseUrl and Channels:{Channel}:PublicHosts)";
    }

    /// <summary>Whether <paramref name="host"/> is one of the channel's page hosts.</summary>
    public bool IsAllowedHost(string host) => !string.IsNullOrEmpty(host) && _hosts.Contains(host.TrimEnd('.'));

    /// <summary>Whether a connection to <paramref name="address"/> is allowed by this policy.</summary>
    public bool MayConnect(IPAddress address) => AllowPrivateAddresses || !IsPrivate(address);

    /// <summary>
    /// Loopback, link-local, private (RFC 1918, unique local), shared (100.64/10), unspecified, "this network" and
    /// multicast addresses, IPv4-mapped ones included: none of them is a public web site.
    /// </summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC; // fc00::/7, unique local
        }

        var v4 = address.GetAddressBytes();
        return v4[0] switch
        {
            0 or 10 or 127 => true,
            100 => v4[1] is >= 64 and <= 127,
            169 => v4[1] == 254,
            172 => v4[1] is >= 16 and <= 31,
            192 => v4[1] == 168 || (v4[1] == 0 && v4[2] == 0),
            >= 224 => true,
            _ => false,
        };
    }
}
