using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>
/// Connectors' shared state (<c>channel_state</c>): compare-and-swap on a version, each write in its own write transaction. On PostgreSQL a
/// first write racing another waits on the other's uncommitted key and then does nothing; a later write waits for the
/// row lock and re-checks the version on the row as committed; SQLite has one writer at a time. Either way, of two
/// writers on one version exactly one wins.
/// </summary>
internal sealed class ChannelStateStore(IStoreDatabase database) : IChannelStateStore
{
    private readonly IStoreDatabase _db = RowMaps.Over(database);

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
