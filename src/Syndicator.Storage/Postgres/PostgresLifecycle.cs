using Syndicator.Core.Storage;

namespace Syndicator.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema's life: migrations (nodes take turns under an advisory lock, <see cref="PostgresMigrator"/>)
/// and readiness. The store's aggregates (<c>Relational/</c>) share the same <see cref="PostgresDatabase"/>, hence one
/// Npgsql pool: several processes and nodes share one database; claims take rows with <c>FOR UPDATE SKIP LOCKED</c>
/// under fenced leases; writes to one item are serialized by an advisory lock (<see cref="PostgresSession.LockItemAsync"/>);
/// reads see one snapshot. The schema mirrors SQLite's column for column, so both read their rows through the same row
/// classes.
/// </summary>
internal sealed class PostgresLifecycle(PostgresDatabase database) : IStoreLifecycle
{
    private readonly PostgresMigrator _migrator = new(database);

    public Task MigrateAsync(CancellationToken cancellationToken) => _migrator.MigrateAsync(cancellationToken);

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) =>
        Relational.Readiness.IsReadyAsync(database, _migrator.IsUpToDate, cancellationToken);
}
