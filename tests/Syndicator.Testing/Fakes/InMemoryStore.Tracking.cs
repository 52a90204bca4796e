using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;

namespace Syndicator.Testing.Fakes;

/// <summary>Tracking results and the watchdogs' queries, as the relational store keeps them.</summary>
public sealed partial class InMemoryStore : ITrackingStore
{
    private readonly Dictionary<(string ItemId, string Channel), TrackingResult> _tracking = [];

    public Task<IReadOnlyList<TrackedPlacement>> ListPlacementsAsync(
        PlacementKey? after, int limit, DateTimeOffset? uncheckedPlacedBefore, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            IReadOnlyList<TrackedPlacement> placements = [.. _placements.Values
                .Where(p => after is null || string.CompareOrdinal(p.ItemId, after.ItemId) > 0
                    || (p.ItemId == after.ItemId && string.CompareOrdinal(p.Channel, after.Channel) > 0))
                .Select(p => new TrackedPlacement(p, _tracking.GetValueOrDefault((p.ItemId, p.Channel))))
                .Where(t => uncheckedPlacedBefore is null
                    || (t.Placement.UpdatedAt <= uncheckedPlacedBefore
                        && (t.Last is null || t.Last.CheckedAt < t.Placement.UpdatedAt || t.Last.Revision != t.Placement.Revision)))
                .OrderBy(t => t.Placement.ItemId, StringComparer.Ordinal).ThenBy(t => t.Placement.Channel, StringComparer.Ordinal)
                .Take(limit)];
            return Task.FromResult(placements);
        }
    }

    public Task<TrackingWrite> RecordAsync(TrackingResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            var key = (result.ItemId, result.Channel);
            if (!_tracking.TryGetValue(key, out var stored))
            {
                _tracking[key] = result with { Since = result.CheckedAt };
                return Task.FromResult(TrackingWrite.First);
            }

            if (stored.Status != result.Status)
            {
                _tracking[key] = result with { Since = result.CheckedAt };
                return Task.FromResult(TrackingWrite.Changed);
            }

            _tracking[key] = result with { Since = stored.Since };
            return Task.FromResult(TrackingWrite.Unchanged);
        }
    }

    public Task<IReadOnlyList<TrackingResult>> ListForItemAsync(string itemId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<TrackingResult> results = [.. _tracking.Values
                .Where(t => t.ItemId == itemId && _placements.ContainsKey((t.ItemId, t.Channel)))
                .OrderBy(t => t.Channel, StringComparer.Ordinal)];
            return Task.FromResult(results);
        }
    }

    public Task<DateTimeOffset?> LastPublicationAsync(string channel, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Publications(channel).Select(d => (DateTimeOffset?)d.UpdatedAt).Max());
        }
    }

    public Task<IReadOnlyList<DeadlineCandidate>> ListDeadlineCandidatesAsync(
        string channel, DateTimeOffset acceptedSince, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<DeadlineCandidate> candidates = [.. _revisions.Keys.Select(k => k.ItemId).Distinct(StringComparer.Ordinal)
                .Where(id => _revisions[(id, _revisions.Keys.Where(k => k.ItemId == id).Min(k => k.Revision))].AcceptedAt >= acceptedSince
                    && _rows.Exists(r => r.Delivery.ItemId == id && r.Delivery.Channel == channel))
                .Select(id => _revisions[(id, LatestRevision(id))])
                .Where(item => item.WrittenOn is not null)
                .OrderBy(item => item.Id, StringComparer.Ordinal)
                .Select(item => new DeadlineCandidate(
                    item.Id, item.Title, item.WrittenOn!.Value,
                    Publications(channel).Where(d => d.ItemId == item.Id).Select(d => (DateTimeOffset?)d.UpdatedAt).Min()))];
            return Task.FromResult(candidates);
        }
    }

    /// <summary>Succeeded publishes and updates on <paramref name="channel"/> (callers hold the gate).</summary>
    private IEnumerable<Delivery> Publications(string channel) =>
        _rows.Select(r => r.Delivery).Where(d => d.Channel == channel && d.Status == DeliveryStatus.Succeeded
            && d.Operation is DeliveryOperation.Publish or DeliveryOperation.Update);
}
