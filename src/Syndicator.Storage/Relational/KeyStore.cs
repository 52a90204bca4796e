using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>API keys (<c>api_keys</c>): stored as hashes; listed without them; revoked once, with the time and the actor.</summary>
internal sealed class KeyStore(IStoreDatabase database) : IKeyStore
{
    private readonly IStoreDatabase _db = RowMaps.Over(database);

    public Task CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken) =>
        _db.WriteAsync(s => s.ExecuteAsync("Keys.Insert", new
        {
            id = key.Id,
            name = key.Name,
            hash = key.Hash,
            scopes = StorageJson.Serialize(key.Scopes),
            createdAt = UnixMs.From(key.CreatedAt),
        }), cancellationToken);

    public async Task<ApiKeyRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken)
    {
        var row = await _db.ReadAsync(s => s.QueryFirstOrDefaultAsync<KeyRow>("Keys.FindByHash", new { hash }), cancellationToken);
        return row is null
            ? null
            : new ApiKeyRecord(row.Id, row.Name, row.Hash, StorageJson.DeserializeStrings(row.Scopes), UnixMs.To(row.CreatedAt));
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync(CancellationToken cancellationToken)
    {
        var rows = await _db.ReadAsync(s => s.QueryAsync<KeyRow>("Keys.List"), cancellationToken);
        return [.. rows.Select(r => r.ToInfo())];
    }

    public Task<ApiKeyRevocation?> RevokeAsync(string id, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(by);
        return _db.WriteAsync(async s =>
        {
            var revoked = await s.ExecuteAsync("Keys.Revoke", new { id, by, at = UnixMs.From(at) }) == 1;
            var row = await s.QueryFirstOrDefaultAsync<KeyRow>("Keys.Get", new { id });
            return row is null ? null : new ApiKeyRevocation(row.ToInfo(), revoked);
        }, cancellationToken);
    }
}
