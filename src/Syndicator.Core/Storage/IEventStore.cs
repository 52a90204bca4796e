using Syndicator.Core.Events;

namespace Syndicator.Core.Storage;

/// <summary>
/// The events queue: events are written by the item and delivery stores in the transaction of the change they report
/// (<see cref="EventRoutes"/> says who gets which); here each subscription's lane claims them under fenced leases, as
/// a channel's lane claims deliveries, and operators list and replay them.
/// </summary>
public interface IEventStore
{
    /// <summary>Claims up to <paramref name="max"/> due events of <paramref name="subscription"/> (pending and due, or running under an expired lease).</summary>
    Task<IReadOnlyList<EventLease>> ClaimAsync(
        string subscription, string owner, int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken);

    /// <summary>When the subscription's next event falls due; null when none waits.</summary>
    Task<DateTimeOffset?> NextDueAsync(string subscription, CancellationToken cancellationToken);

    /// <summary>Extends a lease; false when it was lost.</summary>
    Task<bool> RenewAsync(EventLease lease, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Records the end of a try; false (and nothing written) when the lease was lost.</summary>
    Task<bool> CompleteAsync(EventLease lease, EventTryResult result, CancellationToken cancellationToken);

    /// <summary>Gives a claimed event back untouched (shutdown): pending again, no attempt counted.</summary>
    Task ReleaseAsync(EventLease lease, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The newest events as the subscriptions received them, newest first.</summary>
    Task<IReadOnlyList<EventDeliveryRecord>> ListAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>One subscription's queue at a glance.</summary>
    Task<EventCounts> CountAsync(string subscription, CancellationToken cancellationToken);

    /// <summary>
    /// Queues again, due now and under the same event ids, every event since <see cref="EventReplay.Since"/> that each
    /// of <see cref="EventReplay.Subscriptions"/> takes (by type and channel); one already waiting or in flight is left
    /// as it is. Returns how many were queued, per subscription.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> ReplayAsync(EventReplay replay, CancellationToken cancellationToken);
}

/// <summary>An event as stored: <see cref="Id"/> is its <c>webhook-id</c>, <see cref="Payload"/> the exact body sent.</summary>
public sealed record StoredEvent(
    long Sequence, string Id, string Type, string ItemId, int? Revision, string? Channel, DateTimeOffset OccurredAt, string Payload);

/// <summary>A claim on one event for one subscription, with the fencing token every write must carry.</summary>
public sealed record EventLease(
    StoredEvent Event, string Subscription, int Attempts, int RetryBase, string? LastError, string Owner, long Token, DateTimeOffset ExpiresAt);

/// <summary>Where one event stands for one subscription (wire names: <see cref="EventWireNames"/>).</summary>
public enum EventDeliveryStatus
{
    Pending,
    InProgress,
    Succeeded,
    Failed,
}

/// <summary>The end of one try to deliver an event.</summary>
public sealed record EventTryResult(
    EventDeliveryStatus Status, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError, string? Code, DateTimeOffset Now);

/// <summary>An event as one subscription received it (the payload is not carried: <see cref="StoredEvent.Payload"/> is empty).</summary>
public sealed record EventDeliveryRecord(
    StoredEvent Event,
    string Subscription,
    EventDeliveryStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    string? LastCode,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeliveredAt);

/// <summary>A filter for listing events; null fields do not filter.</summary>
public sealed record EventQuery(string? Subscription = null, bool FailedOnly = false, string? ItemId = null, int Limit = 50);

/// <summary>What to send again: every event since a moment, to each subscription named (with its own types and channels).</summary>
public sealed record EventReplay(DateTimeOffset Since, IReadOnlyList<EventSubscription> Subscriptions, DateTimeOffset Now);

/// <summary>One subscription's queue: waiting or in flight, failed, and when the last one was delivered.</summary>
public sealed record EventCounts(int Pending, int Failed, DateTimeOffset? LastDeliveredAt);

public static class EventWireNames
{
    public static string Of(EventDeliveryStatus status) => status switch
    {
        EventDeliveryStatus.Pending => "pending",
        EventDeliveryStatus.InProgress => "in_progress",
        EventDeliveryStatus.Succeeded => "succeeded",
        EventDeliveryStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static EventDeliveryStatus Parse(string value) => value switch
    {
        "pending" => EventDeliveryStatus.Pending,
        "in_progress" => EventDeliveryStatus.InProgress,
        "succeeded" => EventDeliveryStatus.Succeeded,
        "failed" => EventDeliveryStatus.Failed,
        _ => throw new FormatException($"Unknown event delivery status '{value}'."),
    };
}
