using Syndicator.Core.Storage;

namespace Syndicator.Storage.Sqlite;

/// <summary>Connectors' shared state: compare-and-swap on a version, each write in its own write transaction.</summary>
internal sealed partial class SqliteStore : IChannelStateStore
{
    public async Task<ChannelState?> GetAsync(string channel, string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var row = await _db.ReadAsync(
            s => s.QueryFirstOrDefaultAsync<ChannelStateRow>("ChannelState.Get", new { channel, key }), cancellationToken);
        return row?.ToState();
    }

    public async Task<bool> TryPutAsync(
        string channel, string key, string value, DateTimeOffset? expiresAt, long expectedVersion, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);

        var args = new
        {
            channel,
            key,
            value,
            expiresAt = UnixMs.From(expiresAt),
            now = UnixMs.From(now),
            expected = expectedVersion,
        };
        var written = await _db.WriteAsync(
            s => s.ExecuteAsync(expectedVersion == 0 ? "ChannelState.Insert" : "ChannelState.Update", args), cancellationToken);
        return written == 1;
    }
}
