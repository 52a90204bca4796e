using System.Collections.Concurrent;
using Syndicator.Core.Channels;

namespace Syndicator.Host.Api;

/// <summary>The latest health check of each channel, kept in memory.</summary>
internal sealed class ChannelHealthBoard
{
    private readonly ConcurrentDictionary<string, (ChannelHealth Health, DateTimeOffset CheckedAt)> _latest = new(StringComparer.Ordinal);

    public void Record(string channel, ChannelHealth health, DateTimeOffset checkedAt) => _latest[channel] = (health, checkedAt);

    public (ChannelHealth Health, DateTimeOffset CheckedAt)? Latest(string channel) =>
        _latest.TryGetValue(channel, out var entry) ? entry : null;
}
