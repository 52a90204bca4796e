using System.Collections.Concurrent;
using Syndicator.Core.Storage;

namespace Syndicator.Channels.TrsWcm.Tests;

/// <summary>The shared channel state in memory, with the store's compare-and-swap; share one between connectors to play two nodes.</summary>
internal sealed class InMemoryChannelStateStore : IChannelStateStore
{
    private readonly ConcurrentDictionary<(string, string), ChannelState> _states = new();
    private int _writes;

    /// <summary>Successful writes so far.</summary>
    public int Writes => _writes;

    public Task<ChannelState?> GetAsync(string channel, string key, CancellationToken cancellationToken) =>
        Task.FromResult(_states.GetValueOrDefault((channel, key)));

    public Task<bool> TryPutAsync(
        string channel, string key, string value, DateTimeOffset? expiresAt, long expectedVersion, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var next = new ChannelState(value, expectedVersion + 1, expiresAt, now);
        bool written;
        if (expectedVersion == 0)
        {
            written = _states.TryAdd((channel, key), next);
        }
        else
        {
            written = _states.TryGetValue((channel, key), out var current) && current.Version == expectedVersion
                && _states.TryUpdate((channel, key), next, current);
        }

        if (written)
        {
            Interlocked.Increment(ref _writes);
        }

        return Task.FromResult(written);
    }
}
