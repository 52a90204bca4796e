
namespace Syndicator.Storage.Sqlite;

/// <summary>The SQLite store: one file, one writer at a time, readers alongside (WAL).</summary>
internal sealed class SqliteStore : Relational.RelationalStore
{
    private readonly SqliteDatabase _db;
    private readonly SqliteMigrator _migrator;

    public SqliteStore(SqliteDatabase database)
        : base(database)
    {
        _db = database;
        _migrator = new SqliteMigrator(database.ConnectionString);
    }

    public override Task MigrateAsync(CancellationToken cancellationToken) =>
        _db.ExclusiveAsync(async connection =>
        {
            // journal_mode cannot change inside a transaction, so it is set here rather than in a migration.
            await using var wal = connection.CreateCommand();
            wal.CommandText = SqliteDatabase.Sql["Connection.EnableWal"];
            await wal.ExecuteNonQueryAsync(cancellationToken);
            _migrator.Migrate();
        }, cancellationToken);

    protected override bool MigrationsApplied() => _migrator.IsUpToDate();
}
