using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;

namespace Syndicator.Host.Jobs;

/// <summary>Every recurring job the enabled channels' connectors ask for, by <see cref="ChannelJob.Key"/>.</summary>
internal sealed class ChannelJobs
{
    private readonly Dictionary<string, ChannelJob> _byKey;

    public ChannelJobs(ChannelCatalogue catalogue, IEnumerable<IChannelConnectorFactory> factories)
    {
        var byConnector = factories.ToDictionary(f => f.Connector, StringComparer.Ordinal);
        _byKey = catalogue.EnabledChannels
            .Where(c => byConnector.ContainsKey(c.Connector))
            .SelectMany(c => byConnector[c.Connector].Jobs(c))
            .ToDictionary(j => j.Key, StringComparer.Ordinal);
    }

    public IEnumerable<ChannelJob> All => _byKey.Values;

    public ChannelJob? Find(string key) => _byKey.GetValueOrDefault(key);
}
