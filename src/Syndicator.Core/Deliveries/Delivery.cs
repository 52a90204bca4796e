namespace Syndicator.Core.Deliveries;

/// <summary>
/// One (item, revision, channel, operation): the unit the dispatcher works on. The store updates it in place;
/// its history lives in <see cref="Attempt"/> rows.
/// </summary>
public sealed record Delivery
{
    public required string Id { get; init; }

    /// <summary>Order of creation across the store; later deliveries of one (item, channel) wait for earlier ones.</summary>
    public long Sequence { get; init; }

    public required string ItemId { get; init; }

    public required int Revision { get; init; }

    public required string Channel { get; init; }

    public required DeliveryOperation Operation { get; init; }

    public required DeliveryStatus Status { get; init; }

    /// <summary>Tries that counted (rate-limit and quota waits do not).</summary>
    public int Attempts { get; init; }

    /// <summary>
    /// <see cref="Attempts"/> as they stood when an operator last retried the delivery (0 if never): the retry
    /// schedule counts from here, so a retried delivery gets the whole schedule again.
    /// </summary>
    public int RetryBase { get; init; }

    /// <summary>
    /// Tries that never finished: each time a claim took the delivery over from an expired lease (the worker before
    /// died or lost it mid-try). Reset when an operator retries it.
    /// </summary>
    public int Crashes { get; init; }

    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>The connector's progress through its steps.</summary>
    public Checkpoint Checkpoint { get; init; } = Checkpoint.Empty;

    public string? RemoteId { get; init; }

    public Uri? Url { get; init; }

    public string? LastError { get; init; }

    /// <summary>Why an operator asked for it (republish, withdraw), when one did.</summary>
    public string? Reason { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>One try of a delivery; append-only.</summary>
public sealed record Attempt(
    string DeliveryId,
    int Number,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string Outcome,
    string? Code,
    string? Message);

/// <summary>What is live of an item on one channel: the durable record of "what is live where".</summary>
public sealed record Placement(string ItemId, string Channel, int Revision, string RemoteId, Uri? Url, DateTimeOffset UpdatedAt);

/// <summary>A human or system action; append-only.</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Actor,
    string Action,
    string? ItemId,
    string? DeliveryId,
    string? Channel,
    string? Reason,
    string? Detail);
