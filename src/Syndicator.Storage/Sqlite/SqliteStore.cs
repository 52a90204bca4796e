using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;

namespace Syndicator.Storage.Sqlite;

/// <summary>
/// The SQLite store: one file, one writer at a time, readers alongside (WAL). All six store interfaces share
/// one instance so that they share the write gate.
/// </summary>
internal sealed partial class SqliteStore : IItemStore, IDeliveryStore, IKeyStore, IAuditLog, IStoreLifecycle, IDisposable
{
    private readonly SqliteDatabase _db;
    private readonly SqliteMigrator _migrator;

    static SqliteStore() => Rows.Register();

    public SqliteStore(SqliteDatabase database)
    {
        _db = database;
        _migrator = new SqliteMigrator(database.ConnectionString);
    }

    public Task MigrateAsync(CancellationToken cancellationToken) =>
        _db.ExclusiveAsync(async connection =>
        {
            // journal_mode cannot change inside a transaction, so it is set here rather than in a migration.
            await using var wal = connection.CreateCommand();
            wal.CommandText = SqliteDatabase.Sql["Connection.EnableWal"];
            await wal.ExecuteNonQueryAsync(cancellationToken);
            _migrator.Migrate();
        }, cancellationToken);

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _db.ReadAsync(s => s.ScalarAsync<long>("Connection.Ping"), cancellationToken);
            return _migrator.IsUpToDate();
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Readiness answers "no" for any failure to reach the file or read the journal.
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
