using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;

namespace Syndicator.Host.Jobs;

/// <summary>
/// Every recurring job the enabled channels' connectors ask for, by <see cref="ChannelJob.Key"/>. Asked for on first
/// use — after start-up validation — so that a bad channel setting is reported by it, not by a connector.
/// </summary>
internal sealed class ChannelJobs
{
    private readonly Lazy<Dictionary<string, ChannelJob>> _byKey;

    public ChannelJobs(ChannelCatalogue catalogue, IEnumerable<IChannelConnectorFactory> factories)
    {
        _byKey = new(() =>
        {
            var byConnector = factories.ToDictionary(f => f.Connector, StringComparer.Ordinal);
            return catalogue.EnabledChannels
                .Where(c => byConnector.ContainsKey(c.Connector))
                .SelectMany(c => byConnector[c.Connector].Jobs(c))
                .ToDictionary(j => j.Key, StringComparer.Ordinal);
        });
    }

    public IEnumerable<ChannelJob> All => _byKey.Value.Values;

    public ChannelJob? Find(string key) => _byKey.Value.GetValueOrDefault(key);
}
