using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>The audit trail (<c>audit</c>): entries only ever inserted, listed newest first, for one item or all.</summary>
internal sealed class AuditLog(IStoreDatabase database) : IAuditLog
{
    private readonly IStoreDatabase _db = RowMaps.Over(database);

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        _db.WriteAsync(s => AuditTrail.AppendAsync(s, entry), cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? itemId, int limit, CancellationToken cancellationToken)
    {
        var rows = await _db.ReadAsync(
            s => itemId is null
                ? s.QueryAsync<AuditRow>("Audit.List", new { limit })
                : s.QueryAsync<AuditRow>("Audit.ListForItem", new { itemId, limit }),
            cancellationToken);
        return [.. rows.Select(r => r.ToEntry())];
    }
}

/// <summary>Writing an audit entry inside another aggregate's write transaction (intake, commands, completions, compliance).</summary>
internal static class AuditTrail
{
    public static Task<int> AppendAsync(IStoreSession s, AuditEntry entry) => s.ExecuteAsync("Audit.Insert", AuditRow.Args(entry));
}
