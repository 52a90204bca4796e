using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>
/// The store contract over SQL, once for every provider: each provider brings its database (transactions, sessions,
/// its own embedded scripts under <c>Sql/&lt;provider&gt;/</c>) and its schema's life (migrations, readiness). All the
/// store interfaces share one instance, so that they share the provider's connections (and SQLite's write gate).
/// </summary>
internal abstract partial class RelationalStore : IItemStore, IDeliveryStore, IKeyStore, IAuditLog, IStoreLifecycle, IDisposable,
    IHealthCheckStore, IDeliveryStatistics, IComplianceStore, IPublicationStatistics, ITrackingStore, IUserStore
{
    private readonly IStoreDatabase _db;

    static RelationalStore() => Rows.Register();

    protected RelationalStore(IStoreDatabase database) => _db = database;

    public abstract Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Ready: the database answers and every migration is applied. Any failure to find out reads as "no".</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _db.ReadAsync(s => s.QueryAsync<long>("Connection.Ping"), cancellationToken);
            return MigrationsApplied();
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Whether the provider's migration journal lists every embedded migration.</summary>
    protected abstract bool MigrationsApplied();

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

    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }
}
