using System.Collections.Concurrent;
using Syndicator.Core.Storage;

namespace Syndicator.Host.Auth;

/// <summary>
/// Known API keys, remembered for <see cref="Lifetime"/> after the store last confirmed them, so that a system sending
/// many requests costs one store read per key every half minute instead of one per request. Only keys the store
/// knows are remembered (an unknown key is asked every time); a key revoked in the store stops working within
/// <see cref="Lifetime"/> (an entry is never renewed without asking the store), and at once when it is revoked through
/// this process (<see cref="Forget"/>).
/// </summary>
internal sealed class ApiKeyCache(IKeyStore keys, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private const int MaxKeys = 1024;
    private readonly ConcurrentDictionary<string, (ApiKeyRecord Record, DateTimeOffset Until)> _known = new(StringComparer.Ordinal);

    public async Task<ApiKeyRecord?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_known.TryGetValue(hash, out var entry) && entry.Until > now)
        {
            return entry.Record;
        }

        var record = await keys.FindByHashAsync(hash, cancellationToken);
        if (record is null)
        {
            _known.TryRemove(hash, out _);
            return null;
        }

        if (_known.Count >= MaxKeys)
        {
            _known.Clear();
        }

        _known[hash] = (record, now + Lifetime);
        return record;
    }

    /// <summary>Drops the key with <paramref name="keyId"/>, so that the next request asks the store.</summary>
    public void Forget(string keyId)
    {
        foreach (var (hash, entry) in _known)
        {
            if (entry.Record.Id == keyId)
            {
                _known.TryRemove(hash, out _);
            }
        }
    }
}
