using System.Globalization;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Syndicator.Core.Tracking;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>
/// Tracking results and the watchdogs' queries. A result is recorded in one write transaction: insert if first, else
/// change the status only where it differs (on PostgreSQL a concurrent writer waits for the row and re-checks the
/// condition on the committed row), else refresh it — so exactly one writer hears of each change.
/// </summary>
internal sealed class TrackingStore(IStoreDatabase database) : ITrackingStore
{
    private readonly IStoreDatabase _db = RowMaps.Over(database);

    public async Task<IReadOnlyList<TrackedPlacement>> ListPlacementsAsync(
        PlacementKey? after, int limit, DateTimeOffset? uncheckedPlacedBefore, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var rows = await _db.ReadAsync(s => s.QueryAsync<TrackingRow>("Tracking.ListPlacements", new
        {
            afterItem = after?.ItemId ?? "",
            afterChannel = after?.Channel ?? "",
            uncheckedBefore = UnixMs.From(uncheckedPlacedBefore),
            limit,
        }), cancellationToken);
        return [.. rows.Select(r => new TrackedPlacement(
            new Placement(r.ItemId, r.Channel, (int)r.Revision, r.RemoteId, Rows.ToUri(r.Url), UnixMs.To(r.UpdatedAt)),
            r.Status is null ? null : r.ToResult()))];
    }

    public Task<TrackingWrite> RecordAsync(TrackingResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var args = new
        {
            itemId = result.ItemId,
            channel = result.Channel,
            revision = (long)result.Revision,
            status = LiveStatusNames.Of(result.Status),
            detail = result.Detail,
            liveTitle = result.LiveTitle,
            liveFingerprint = result.LiveFingerprint,
            checkedAt = UnixMs.From(result.CheckedAt),
        };
        return _db.WriteAsync(async s =>
        {
            if (await s.ExecuteAsync("Tracking.Insert", args) == 1)
            {
                return TrackingWrite.First;
            }

            if (await s.ExecuteAsync("Tracking.UpdateChanged", args) == 1)
            {
                return TrackingWrite.Changed;
            }

            await s.ExecuteAsync("Tracking.UpdateSame", args);
            return TrackingWrite.Unchanged;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<TrackingResult>> ListForItemAsync(string itemId, CancellationToken cancellationToken)
    {
        var rows = await _db.ReadAsync(s => s.QueryAsync<TrackingRow>("Tracking.ForItem", new { itemId }), cancellationToken);
        return [.. rows.Select(r => r.ToResult())];
    }

    public async Task<DateTimeOffset?> LastPublicationAsync(string channel, CancellationToken cancellationToken) =>
        UnixMs.To(await _db.ReadAsync(s => s.ScalarAsync<long?>("Tracking.LastPublication", new { channel }), cancellationToken));

    public async Task<IReadOnlyList<DeadlineCandidate>> ListDeadlineCandidatesAsync(
        string channel, DateTimeOffset acceptedSince, CancellationToken cancellationToken)
    {
        var rows = await _db.ReadAsync(
            s => s.QueryAsync<DeadlineRow>("Tracking.DeadlineCandidates", new { channel, since = UnixMs.From(acceptedSince) }),
            cancellationToken);
        return [.. rows
            .Where(r => DateOnly.TryParseExact(r.WrittenOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .Select(r => new DeadlineCandidate(
                r.ItemId, r.Title, DateOnly.ParseExact(r.WrittenOn!, "yyyy-MM-dd", CultureInfo.InvariantCulture), UnixMs.To(r.PublishedAt)))];
    }
}

/// <summary>A placement with its latest result, or a result alone (columns aliased to these names).</summary>
internal sealed class TrackingRow
{
    public string ItemId { get; set; } = "";
    public string Channel { get; set; } = "";
    public long Revision { get; set; }
    public string RemoteId { get; set; } = "";
    public string? Url { get; set; }
    public long UpdatedAt { get; set; }
    public long? CheckedRevision { get; set; }
    public string? Status { get; set; }
    public string? Detail { get; set; }
    public string? LiveTitle { get; set; }
    public string? LiveFingerprint { get; set; }
    public long? CheckedAt { get; set; }
    public long? Since { get; set; }

    public TrackingResult ToResult() => new(
        ItemId, Channel, (int)(CheckedRevision ?? Revision), LiveStatusNames.Parse(Status!), Detail ?? "", LiveTitle, LiveFingerprint,
        UnixMs.To(CheckedAt ?? 0), UnixMs.To(Since ?? 0));
}

/// <summary>An item the deadline watchdog looks at, as read.</summary>
internal sealed class DeadlineRow
{
    public string ItemId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? WrittenOn { get; set; }
    public long? PublishedAt { get; set; }
}
