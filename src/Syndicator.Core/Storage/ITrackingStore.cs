using Syndicator.Core.Deliveries;
using Syndicator.Core.Tracking;

namespace Syndicator.Core.Storage;

/// <summary>
/// Tracking after release and the watchdogs' queries: the result of the latest verification of each live placement,
/// and what the deadline and freshness watchdogs need to know about publications.
/// </summary>
/// <remarks>
/// A tracking result belongs to a placement: a withdrawn item (no placement) is neither listed for verification nor
/// shown with a result. <see cref="RecordAsync"/> decides atomically whether its write changed the status, so that of
/// two nodes recording the same change only one hears <see cref="TrackingWrite.Changed"/> (and alerts).
/// </remarks>
public interface ITrackingStore
{
    /// <summary>
    /// Live placements in (item id, channel) order, after <paramref name="after"/> when given, at most
    /// <paramref name="limit"/>, each with its latest result. With <paramref name="uncheckedPlacedBefore"/>: only those
    /// placed (or updated) before that instant and not verified since.
    /// </summary>
    Task<IReadOnlyList<TrackedPlacement>> ListPlacementsAsync(
        PlacementKey? after, int limit, DateTimeOffset? uncheckedPlacedBefore, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="result"/> as the placement's latest and says whether its status changed.</summary>
    Task<TrackingWrite> RecordAsync(TrackingResult result, CancellationToken cancellationToken);

    /// <summary>The latest result of each channel where <paramref name="itemId"/> is live.</summary>
    Task<IReadOnlyList<TrackingResult>> ListForItemAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>When a publish or update last succeeded on <paramref name="channel"/>; null when none ever did.</summary>
    Task<DateTimeOffset?> LastPublicationAsync(string channel, CancellationToken cancellationToken);

    /// <summary>
    /// Items first accepted at or after <paramref name="acceptedSince"/> whose latest revision has a 成文日期 and was
    /// routed to <paramref name="channel"/>, with when they were first published there (null: not yet).
    /// </summary>
    Task<IReadOnlyList<DeadlineCandidate>> ListDeadlineCandidatesAsync(
        string channel, DateTimeOffset acceptedSince, CancellationToken cancellationToken);
}

/// <summary>Identifies a placement; the order of listing.</summary>
public sealed record PlacementKey(string ItemId, string Channel);

/// <summary>A live placement and its latest verification (null: never verified).</summary>
public sealed record TrackedPlacement(Placement Placement, TrackingResult? Last);

/// <summary>
/// One verification of one placement, as stored. <c>Since</c> is when the placement first had this status (results that
/// repeat it leave it as it was).
/// </summary>
public sealed record TrackingResult(
    string ItemId,
    string Channel,
    int Revision,
    LiveStatus Status,
    string Detail,
    string? LiveTitle,
    string? LiveFingerprint,
    DateTimeOffset CheckedAt,
    DateTimeOffset Since);

/// <summary>What <see cref="ITrackingStore.RecordAsync"/> did to the placement's status.</summary>
public enum TrackingWrite
{
    /// <summary>The placement's first result.</summary>
    First,

    /// <summary>The status differs from the one stored before.</summary>
    Changed,

    /// <summary>The same status as before (time and detail refreshed).</summary>
    Unchanged,
}

/// <summary>An item the deadline watchdog looks at.</summary>
public sealed record DeadlineCandidate(string ItemId, string Title, DateOnly WrittenOn, DateTimeOffset? PublishedAt);
