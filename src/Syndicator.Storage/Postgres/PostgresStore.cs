namespace Syndicator.Storage.Postgres;

/// <summary>
/// The PostgreSQL store: several processes and nodes share one database. Claims take rows with
/// <c>FOR UPDATE SKIP LOCKED</c> under fenced leases; writes to one item are serialized by an advisory lock
/// (<see cref="PostgresSession.LockItemAsync"/>); reads see one snapshot. The schema mirrors SQLite's column for
/// column, so both read their rows through the same row classes.
/// </summary>
internal sealed class PostgresStore : Relational.RelationalStore
{
    private readonly PostgresMigrator _migrator;

    public PostgresStore(PostgresDatabase database)
        : base(database) => _migrator = new PostgresMigrator(database);

    public override Task MigrateAsync(CancellationToken cancellationToken) => _migrator.MigrateAsync(cancellationToken);

    protected override bool MigrationsApplied() => _migrator.IsUpToDate();
}
