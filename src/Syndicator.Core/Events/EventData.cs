namespace Syndicator.Core.Events;

// The "data" of each event type, as docs/events.md gives their JSON Schemas. Property names are the JSON names in
// camelCase; times are ISO 8601 in UTC; null values are sent as null.

/// <summary><c>item.accepted</c>: a revision accepted and queued on its channels.</summary>
public sealed record ItemAcceptedData(
    string ItemId, int Revision, string? IndexNumber, string Title, string Category, IReadOnlyList<string> Channels, DateTimeOffset AcceptedAt);

/// <summary>
/// <c>delivery.succeeded</c>, <c>delivery.failed</c>, <c>delivery.unconfirmed</c>: one delivery's end. <c>url</c> is
/// where the item is live now (a succeeded publish or update; null otherwise, or when the channel has no URL);
/// <c>reason</c> says why it failed or is unconfirmed (null when it succeeded).
/// </summary>
public sealed record DeliveryEventData(
    string ItemId,
    int Revision,
    string DeliveryId,
    string Channel,
    string Operation,
    string Status,
    Uri? Url,
    string? RemoteId,
    string? Reason,
    int Attempts,
    DateTimeOffset At);

/// <summary>A channel where the item is live: its URL (null for a channel without one, such as the notice board).</summary>
public sealed record LiveChannel(string Channel, int Revision, Uri? Url, string RemoteId, DateTimeOffset Since);

/// <summary><c>item.live</c>: the latest revision is live on every channel the item is routed to.</summary>
public sealed record ItemLiveData(
    string ItemId, int Revision, string? IndexNumber, string Title, IReadOnlyList<LiveChannel> Channels, DateTimeOffset At);

/// <summary>A channel where the item was withdrawn.</summary>
public sealed record GoneChannel(string Channel, DateTimeOffset At);

/// <summary>
/// A channel where the item is still live after a withdrawal ran its course, with the state of the withdrawal there:
/// <c>failed</c>, <c>unconfirmed</c>, <c>handoff</c> (a person must take it down), or null (not asked to withdraw there).
/// </summary>
public sealed record StillLiveChannel(string Channel, int Revision, Uri? Url, string? Withdrawal, string? Reason);

/// <summary><c>item.withdrawn</c>: no withdrawal of the item is on its way any more.</summary>
public sealed record ItemWithdrawnData(
    string ItemId, string? Reason, IReadOnlyList<GoneChannel> Gone, IReadOnlyList<StillLiveChannel> StillLive, DateTimeOffset At);
