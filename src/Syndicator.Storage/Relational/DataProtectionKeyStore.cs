using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>The Data Protection key ring (<c>data_protection_keys</c>): written once per key, read whole.</summary>
internal sealed class DataProtectionKeyStore(IStoreDatabase database) : IDataProtectionKeyStore
{
    private readonly IStoreDatabase _db = RowMaps.Over(database);

    public Task<IReadOnlyList<string>> ListKeyRingAsync(CancellationToken cancellationToken) =>
        _db.ReadAsync(s => s.QueryAsync<string>("DataProtectionKeys.List"), cancellationToken);

    public Task AddKeyAsync(string name, string xml, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        return _db.WriteAsync(
            s => s.ExecuteAsync("DataProtectionKeys.Insert", new { name, xml, createdAt = UnixMs.From(createdAt) }), cancellationToken);
    }
}
