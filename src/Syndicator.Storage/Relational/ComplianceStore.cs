using System.Text.Json;
using Syndicator.Core.Compliance;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>Compliance findings of accepted revisions, and the counts behind the annual figures.</summary>
internal sealed class ComplianceStore(IStoreDatabase database) : IComplianceStore, IPublicationStatistics
{
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly IStoreDatabase _db = RowMaps.Over(database);

    public Task<bool> RecordComplianceAsync(
        string itemId, int revision, ComplianceReport report, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(itemId);
        ArgumentNullException.ThrowIfNull(report);
        return _db.WriteAsync(async s =>
        {
            var written = await s.ExecuteAsync("Compliance.Insert", new
            {
                itemId,
                revision,
                recordedAt = UnixMs.From(at),
                report = JsonSerializer.Serialize(report, ReportJson),
            });
            if (written == 0)
            {
                return false;
            }

            // The audit names the rules and places, never a number: masked forms stay in the report alone.
            var detail = $"revision {revision}: " + string.Join("; ",
                report.Findings.Select(f => f.Place is null ? $"{f.Rule} in {f.Field}" : $"{f.Rule} in {f.Field} ({f.Place})")
                    .Concat(report.Notes.Select(n => $"not checked: {n.Field}")));
            await AuditTrail.AppendAsync(s, new AuditEntry(at, actor, "compliance.flagged", itemId, null, null, null, detail));
            return true;
        }, cancellationToken);
    }

    public async Task<ComplianceRecord?> GetComplianceAsync(string itemId, int revision, CancellationToken cancellationToken)
    {
        var row = await _db.ReadAsync(
            s => s.QueryFirstOrDefaultAsync<ComplianceRow>("Compliance.Get", new { itemId, revision }), cancellationToken);
        return row is null
            ? null
            : new ComplianceRecord(itemId, revision, UnixMs.To(row.RecordedAt), JsonSerializer.Deserialize<ComplianceReport>(row.Report, ReportJson)!);
    }

    public async Task<IReadOnlyList<PublishedCount>> CountPublishedAsync(
        DateTimeOffset start, DateTimeOffset until, bool includeWithdrawn, CancellationToken cancellationToken)
    {
        var rows = await _db.ReadAsync(
            s => s.QueryAsync<PublishedRow>("Reports.CountPublished", new
            {
                from = UnixMs.From(start),
                to = UnixMs.From(until),
                // 1 or 0, not a boolean: one statement for both providers (SQLite has no boolean type).
                includeWithdrawn = includeWithdrawn ? 1 : 0,
            }),
            cancellationToken);
        return [.. rows.Select(r => new PublishedCount(r.Channel, r.Category, (int)r.Published))];
    }

    private sealed class ComplianceRow
    {
        public long RecordedAt { get; set; }
        public string Report { get; set; } = "";
    }

    private sealed class PublishedRow
    {
        public string Channel { get; set; } = "";
        public string Category { get; set; } = "";
        public long Published { get; set; }
    }
}
