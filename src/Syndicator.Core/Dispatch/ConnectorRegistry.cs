using System.Collections.Concurrent;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;

namespace Syndicator.Core.Dispatch;

/// <summary>One connector per configured channel, created on first use by the factory its configuration names.</summary>
public sealed class ConnectorRegistry
{
    private readonly ChannelCatalogue _catalogue;
    private readonly Dictionary<string, IChannelConnectorFactory> _factories;
    private readonly ConcurrentDictionary<string, IChannelConnector> _connectors = new(StringComparer.Ordinal);

    public ConnectorRegistry(ChannelCatalogue catalogue, IEnumerable<IChannelConnectorFactory> factories)
    {
        _catalogue = catalogue;
        _factories = factories.ToDictionary(f => f.Connector, StringComparer.Ordinal);
    }

    /// <summary>The connector names this build knows.</summary>
    public IEnumerable<string> KnownConnectors => _factories.Keys;

    /// <summary>The connector for <paramref name="channelId"/>; throws for an unconfigured channel (a bug: intake checks).</summary>
    public IChannelConnector For(string channelId) =>
        _connectors.GetOrAdd(channelId, id =>
        {
            var channel = _catalogue.Find(id) ?? throw new InvalidOperationException($"Channel '{id}' is not configured.");
            return _factories.TryGetValue(channel.Connector, out var factory)
                ? factory.Create(channel)
                : throw new InvalidOperationException($"Channels:{id}:Connector '{channel.Connector}' is not a known connector.");
        });
}
