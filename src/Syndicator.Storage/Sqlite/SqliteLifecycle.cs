using Syndicator.Core.Storage;

namespace Syndicator.Storage.Sqlite;

/// <summary>
/// The SQLite file's life: WAL switched on and the migrations applied alone on the writer connection (migrating), and
/// readiness. The store's aggregates (<c>Relational/</c>) share the same <see cref="SqliteDatabase"/>: one file, one
/// writer at a time behind its write gate, readers alongside (WAL).
/// </summary>
internal sealed class SqliteLifecycle(SqliteDatabase database) : IStoreLifecycle
{
    private readonly SqliteMigrator _migrator = new(database.ConnectionString);

    public Task MigrateAsync(CancellationToken cancellationToken) =>
        database.ExclusiveAsync(async connection =>
        {
            // journal_mode cannot change inside a transaction, so it is set here rather than in a migration.
            await using var wal = connection.CreateCommand();
            wal.CommandText = SqliteDatabase.Sql["Connection.EnableWal"];
            await wal.ExecuteNonQueryAsync(cancellationToken);
            _migrator.Migrate();
        }, cancellationToken);

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) =>
        Relational.Readiness.IsReadyAsync(database, _migrator.IsUpToDate, cancellationToken);
}
