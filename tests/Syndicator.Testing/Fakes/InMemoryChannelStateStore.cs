using System.Collections.Concurrent;
using Syndicator.Core.Storage;

namespace Syndicator.Testing.Fakes;

/// <summary>The shared channel state in memory, with the store's compare-and-swap; share one between connectors to play two nodes.</summary>
public sealed class InMemoryChannelStateStore : IChannelStateStore
{
    private readonly ConcurrentDictionary<(string, string), ChannelState> _states = new();
    private readonly ConcurrentDictionary<string, int> _writes = new(StringComparer.Ordinal);

    /// <summary>Successful writes so far under <paramref name="key"/> (e.g. the access token's).</summary>
    public int WritesOf(string key) => _writes.GetValueOrDefault(key);

    /// <summary>Successful writes so far, under every key.</summary>
    public int Writes => _writes.Values.Sum();

    /// <summary>The stored value under (<paramref name="channel"/>, <paramref name="key"/>), for assertions.</summary>
    public string? ValueOf(string channel, string key) => _states.GetValueOrDefault((channel, key))?.Value;

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
            _writes.AddOrUpdate(key, 1, static (_, n) => n + 1);
        }

        return Task.FromResult(written);
    }
}
