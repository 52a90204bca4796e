using System.Text.Json;
using Syndicator.Core.Channels;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>
/// Channel health checks (insert-only history, pruned by age) and the delivery counts <c>/metrics</c> shows. The
/// latest check is simply the newest row: every node writes its checks here, so every node reads the same one.
/// </summary>
internal sealed class HealthCheckStore(IStoreDatabase database) : IHealthCheckStore, IDeliveryStatistics
{
    /// <summary>The most a history query returns, whatever is asked.</summary>
    public const int MostHistory = 1000;

    private readonly IStoreDatabase _db = RowMaps.Over(database);

    public Task RecordAsync(HealthCheck check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentException.ThrowIfNullOrEmpty(check.Channel);
        return _db.WriteAsync(s => s.ExecuteAsync("HealthChecks.Insert", new
        {
            channel = check.Channel,
            status = HealthStatusNames.Of(check.Status),
            latencyMs = check.LatencyMs,
            detail = check.Detail,
            quota = check.Quota is null ? null : JsonSerializer.Serialize(check.Quota),
            checkedAt = UnixMs.From(check.CheckedAt),
            node = check.Node,
            scheduledFor = UnixMs.From(check.ScheduledFor),
        }), cancellationToken);
    }

    public async Task<HealthCheck?> LatestAsync(string channel, CancellationToken cancellationToken) =>
        await HistoryAsync(channel, 1, cancellationToken) is [var latest] ? latest : null;

    public async Task<IReadOnlyList<HealthCheck>> HistoryAsync(string channel, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var rows = await _db.ReadAsync(
            s => s.QueryAsync<HealthCheckRow>("HealthChecks.History", new { channel, limit = Math.Min(limit, MostHistory) }), cancellationToken);
        return [.. rows.Select(r => r.ToCheck())];
    }

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        _db.WriteAsync(s => s.ExecuteAsync("HealthChecks.Prune", new { before = UnixMs.From(before) }), cancellationToken);

    public async Task<IReadOnlyList<DeliveryStatusCount>> CountByChannelAndStatusAsync(CancellationToken cancellationToken)
    {
        var rows = await _db.ReadAsync(s => s.QueryAsync<StatusCountRow>("HealthChecks.CountDeliveries"), cancellationToken);
        return [.. rows.Select(r => new DeliveryStatusCount(r.Channel, r.Status, r.Count))];
    }

    /// <summary>A stored check; the query names its columns as these properties.</summary>
    internal sealed class HealthCheckRow
    {
        public string Channel { get; set; } = "";
        public string Status { get; set; } = "";
        public long LatencyMs { get; set; }
        public string Detail { get; set; } = "";
        public string? Quota { get; set; }
        public long CheckedAt { get; set; }
        public string Node { get; set; } = "";
        public long? ScheduledFor { get; set; }

        public HealthCheck ToCheck() => new(Channel, HealthStatusNames.Parse(Status), LatencyMs, Detail, UnixMs.To(CheckedAt), Node)
        {
            ScheduledFor = UnixMs.To(ScheduledFor),
            Quota = Quota is null ? null : JsonSerializer.Deserialize<Dictionary<string, long>>(Quota),
        };
    }

    internal sealed class StatusCountRow
    {
        public string Channel { get; set; } = "";
        public string Status { get; set; } = "";
        public long Count { get; set; }
    }
}
