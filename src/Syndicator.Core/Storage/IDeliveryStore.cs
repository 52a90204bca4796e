using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;

namespace Syndicator.Core.Storage;

/// <summary>
/// Deliveries, their attempts and placements: claims under fenced leases for the dispatcher, commands for operators.
/// </summary>
/// <remarks>
/// Rules every implementation keeps (the store conformance suite checks them):
/// <list type="bullet">
/// <item>A claim takes due deliveries of one channel — pending and due, awaiting confirmation and due, or in progress
/// with an expired lease — and never a delivery while an earlier one of the same (item, channel) is still active.</item>
/// <item>Every claim increments the delivery's lease token; writes under a lease whose token has moved on change
/// nothing and return false (fencing).</item>
/// <item>A delivery's row is updated in place; attempts and audit entries are only ever inserted.</item>
/// </list>
/// </remarks>
public interface IDeliveryStore
{
    /// <summary>
    /// Claims up to <paramref name="max"/> due deliveries of <paramref name="channel"/> for <paramref name="owner"/>:
    /// confirmations awaited (WeChat) before other due deliveries, each group in order of due time then creation.
    /// A store that can reads each claimed delivery's revision and live placement in the same transaction
    /// (<see cref="DeliveryLease.With"/>).
    /// </summary>
    Task<IReadOnlyList<DeliveryLease>> ClaimAsync(
        string channel, string owner, int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken);

    /// <summary>When the next delivery of <paramref name="channel"/> falls due (now or earlier when one is due already); null when none waits.</summary>
    Task<DateTimeOffset?> NextDueAsync(string channel, CancellationToken cancellationToken);

    /// <summary>Extends a lease; false when it was lost.</summary>
    Task<bool> RenewAsync(DeliveryLease lease, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Saves the connector's progress under the lease; false when it was lost.</summary>
    Task<bool> SaveCheckpointAsync(DeliveryLease lease, Checkpoint checkpoint, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records the end of a try in one transaction: the delivery's new state, the attempt row, the placement
    /// (live after a successful publish or update, gone after a successful withdraw) and an audit entry for outcomes
    /// operators must know about. False (and nothing written) when the lease was lost.
    /// </summary>
    Task<bool> CompleteAsync(DeliveryLease lease, TryResult result, CancellationToken cancellationToken);

    /// <summary>Gives a claimed delivery back untouched (shutdown): pending again, no attempt counted.</summary>
    Task ReleaseAsync(DeliveryLease lease, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Delivery?> GetAsync(string deliveryId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Attempt>> GetAttemptsAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>What of <paramref name="itemId"/> is live on <paramref name="channel"/>; null when nothing is.</summary>
    Task<Placement?> GetPlacementAsync(string itemId, string channel, CancellationToken cancellationToken);

    /// <summary>Counts for the channel overview.</summary>
    Task<ChannelCounts> CountAsync(string channel, CancellationToken cancellationToken);

    /// <summary>Queues the item's latest revision again on each channel (update where live, else publish).</summary>
    Task<CommandOutcome> RepublishAsync(ItemCommand command, CancellationToken cancellationToken);

    /// <summary>Queues a withdraw on each channel where the item is live or on its way; pending sends there are superseded.</summary>
    Task<CommandOutcome> WithdrawAsync(ItemCommand command, CancellationToken cancellationToken);

    /// <summary>Puts a failed or unconfirmed delivery back to pending, due now.</summary>
    Task<CommandOutcome> RetryAsync(DeliveryCommand command, CancellationToken cancellationToken);

    /// <summary>The failed or unconfirmed deliveries <paramref name="filter"/> selects; retried unless <paramref name="dryRun"/>.</summary>
    Task<IReadOnlyList<Delivery>> RetryManyAsync(
        RetryFilter filter, bool dryRun, string actor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Completes a hand-off delivery in one transaction with what an operator confirms: the delivery succeeds, the
    /// placement records it (publish, update) or is removed (withdraw), the audit trail says who confirmed what; for a
    /// physical outlet (<see cref="HandoffProof.On"/>) the posting or take-down and its photo are kept
    /// (<see cref="IBoardStore"/>).
    /// </summary>
    Task<CommandOutcome> ConfirmAsync(DeliveryCommand command, HandoffProof proof, CancellationToken cancellationToken);

    /// <summary>Completes a hand-off delivery with the URL where an operator published it.</summary>
    Task<CommandOutcome> ConfirmAsync(DeliveryCommand command, Uri url, CancellationToken cancellationToken) =>
        ConfirmAsync(command, HandoffProof.Live(url), cancellationToken);
}

/// <summary>A claim on a delivery: the delivery as claimed, and the fencing token every write must carry.</summary>
public sealed record DeliveryLease(Delivery Delivery, string Owner, long Token, DateTimeOffset ExpiresAt)
{
    /// <summary>
    /// What the try needs besides the delivery, read with the claim (null: the store did not, and the try reads it).
    /// </summary>
    public ClaimedWith? With { get; init; }
}

/// <summary>Read in the claim's own transaction, so that a try makes no read-back after its claim.</summary>
/// <param name="Item">The revision to send, with the item's 索引号 (null: missing from the store).</param>
/// <param name="Live">What is live on the delivery's channel now (null: nothing): the article to update or withdraw.</param>
public sealed record ClaimedWith(ItemRevision? Item, Placement? Live);

/// <summary>The end of one try, as the dispatcher records it.</summary>
public sealed record TryResult(
    DeliveryOperation Operation,
    Transition Transition,
    Attempt Attempt,
    DateTimeOffset Now,
    AuditEntry? Audit)
{
    /// <summary>
    /// Progress the try kept without writing it (<see cref="Channels.DeliveryContext.KeepCheckpoint"/>), stored with
    /// the completion; null: the stored checkpoint stays as it is.
    /// </summary>
    public Checkpoint? Checkpoint { get; init; }
}

/// <summary>An operator's command on an item.</summary>
public sealed record ItemCommand(
    string ItemId, IReadOnlyList<string>? Channels, string? Reason, string Actor, DateTimeOffset Now);

/// <summary>An operator's command on one delivery.</summary>
public sealed record DeliveryCommand(string DeliveryId, string? Reason, string Actor, DateTimeOffset Now);

/// <summary>Selects deliveries for a bulk retry.</summary>
public sealed record RetryFilter(string? Channel = null, string? ItemId = null, DateTimeOffset? Since = null);

public enum CommandResult
{
    /// <summary>Done; <see cref="CommandOutcome.Deliveries"/> lists what was queued or changed.</summary>
    Done,

    NotFound,

    /// <summary>The command does not apply to the current state; <see cref="CommandOutcome.Message"/> says why.</summary>
    Conflict,
}

public sealed record CommandOutcome(CommandResult Result, IReadOnlyList<Delivery> Deliveries, string? Message = null)
{
    public static CommandOutcome NotFound(string message) => new(CommandResult.NotFound, [], message);

    public static CommandOutcome Conflict(string message) => new(CommandResult.Conflict, [], message);
}

/// <summary>Counts of one channel's deliveries.</summary>
public sealed record ChannelCounts(int Pending, int Failed, DateTimeOffset? OldestPendingSince, DateTimeOffset? LastSuccessAt);
