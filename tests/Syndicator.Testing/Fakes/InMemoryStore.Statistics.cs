using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;

namespace Syndicator.Testing.Fakes;

/// <summary>Health checks and the counts behind <c>/metrics</c> and the annual figures.</summary>
public sealed partial class InMemoryStore : IHealthCheckStore, IDeliveryStatistics, IPublicationStatistics
{
    /// <summary>The most a history query returns, whatever is asked (as the stores).</summary>
    private const int MostHistory = 1000;

    private readonly List<HealthCheck> _checks = [];

    public Task RecordAsync(HealthCheck check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        lock (_gate)
        {
            _checks.Add(check);
            return Task.CompletedTask;
        }
    }

    public async Task<HealthCheck?> LatestAsync(string channel, CancellationToken cancellationToken) =>
        await HistoryAsync(channel, 1, cancellationToken) is [var latest] ? latest : null;

    public Task<IReadOnlyList<HealthCheck>> HistoryAsync(string channel, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            IReadOnlyList<HealthCheck> checks = [.. _checks.Select((c, i) => (c, i))
                .Where(x => x.c.Channel == channel)
                .OrderByDescending(x => x.c.CheckedAt).ThenByDescending(x => x.i)
                .Take(Math.Min(limit, MostHistory))
                .Select(x => x.c)];
            return Task.FromResult(checks);
        }
    }

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_checks.RemoveAll(c => c.CheckedAt < before));
        }
    }

    public Task<IReadOnlyList<DeliveryStatusCount>> CountByChannelAndStatusAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<DeliveryStatusCount> counts = [.. _rows
                .GroupBy(r => (r.Delivery.Channel, Status: WireNames.Of(r.Delivery.Status)))
                .OrderBy(g => g.Key.Channel, StringComparer.Ordinal).ThenBy(g => g.Key.Status, StringComparer.Ordinal)
                .Select(g => new DeliveryStatusCount(g.Key.Channel, g.Key.Status, g.Count()))];
            return Task.FromResult(counts);
        }
    }

    public Task<IReadOnlyList<PublishedCount>> CountPublishedAsync(
        DateTimeOffset start, DateTimeOffset until, bool includeWithdrawn, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<PublishedCount> counts = [.. _rows.Select(r => r.Delivery)
                .Where(d => d.Operation == DeliveryOperation.Publish && d.Status == DeliveryStatus.Succeeded
                    && CountedAt(d) >= start && CountedAt(d) < until
                    && (includeWithdrawn || _placements.ContainsKey((d.ItemId, d.Channel))))
                .GroupBy(d => (d.Channel, Category: _revisions[(d.ItemId, LatestRevision(d.ItemId))].Category))
                .OrderBy(g => g.Key.Channel, StringComparer.Ordinal).ThenBy(g => g.Key.Category, StringComparer.Ordinal)
                .Select(g => new PublishedCount(g.Key.Channel, g.Key.Category, g.Select(d => d.ItemId).Distinct(StringComparer.Ordinal).Count()))];
            return Task.FromResult(counts);
        }
    }

    /// <summary>When a publish counts: its success, or on a notice board the start (China) of its confirmed posting day.</summary>
    private DateTimeOffset CountedAt(Delivery d) =>
        PostedOn(d.Id) is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)) : d.UpdatedAt;
}
