using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Postgres;

/// <summary>
/// The PostgreSQL store: several processes and nodes share one database. Claims take rows with
/// <c>FOR UPDATE SKIP LOCKED</c> under fenced leases; writes to one item are serialized by an advisory lock; reads see
/// one snapshot. The schema mirrors SQLite's column for column, so both read their rows through the same row classes.
/// </summary>
internal sealed partial class PostgresStore : IItemStore, IDeliveryStore, IKeyStore, IAuditLog, IStoreLifecycle, IDisposable
{
    private readonly PostgresDatabase _db;
    private readonly PostgresMigrator _migrator;

    static PostgresStore() => Rows.Register();

    public PostgresStore(PostgresDatabase database)
    {
        _db = database;
        _migrator = new PostgresMigrator(database);
    }

    public Task MigrateAsync(CancellationToken cancellationToken) => _migrator.MigrateAsync(cancellationToken);

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _db.ReadAsync(s => s.ScalarAsync<int>("Connection.Ping"), cancellationToken);
            return _migrator.IsUpToDate();
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Readiness answers "no" for any failure to reach the server or read the journal.
            return false;
        }
    }

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

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        _db.WriteAsync(s => s.ExecuteAsync("Audit.Insert", AuditRow.Args(entry)), cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? itemId, int limit, CancellationToken cancellationToken)
    {
        var rows = await _db.ReadAsync(
            s => itemId is null
                ? s.QueryAsync<AuditRow>("Audit.List", new { limit })
                : s.QueryAsync<AuditRow>("Audit.ListForItem", new { itemId, limit }),
            cancellationToken);
        return [.. rows.Select(r => r.ToEntry())];
    }

    public void Dispose() => _db.Dispose();
}
