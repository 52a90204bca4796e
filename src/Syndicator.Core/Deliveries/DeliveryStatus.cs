namespace Syndicator.Core.Deliveries;

/// <summary>Where one delivery stands. The wire names are the snake_case forms of DESIGN §5.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for its turn (<c>nextAttemptAt</c> says when).</summary>
    Pending,

    /// <summary>Claimed by a worker under a lease.</summary>
    InProgress,

    /// <summary>The platform accepted it and confirms later; polled on a schedule.</summary>
    AwaitingConfirmation,

    /// <summary>Done: live (publish, update) or gone (withdraw).</summary>
    Succeeded,

    /// <summary>Permanently failed or out of retries: an operator must act.</summary>
    Failed,

    /// <summary>The outcome is unknown and could not be reconciled: an operator must check the platform.</summary>
    Unconfirmed,

    /// <summary>Replaced by a newer revision or command before it was sent.</summary>
    Superseded,

    /// <summary>The channel has no API for this step; an operator does it and confirms the URL.</summary>
    Handoff,
}

/// <summary>What a delivery does on its channel.</summary>
public enum DeliveryOperation
{
    /// <summary>Make the revision live where nothing of the item is live yet.</summary>
    Publish,

    /// <summary>Replace the live article with this revision.</summary>
    Update,

    /// <summary>Take the live article down.</summary>
    Withdraw,
}

/// <summary>Wire names of the enums, as the API and the store write them.</summary>
public static class WireNames
{
    public static string Of(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "pending",
        DeliveryStatus.InProgress => "in_progress",
        DeliveryStatus.AwaitingConfirmation => "awaiting_confirmation",
        DeliveryStatus.Succeeded => "succeeded",
        DeliveryStatus.Failed => "failed",
        DeliveryStatus.Unconfirmed => "unconfirmed",
        DeliveryStatus.Superseded => "superseded",
        DeliveryStatus.Handoff => "handoff",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Of(DeliveryOperation operation) => operation switch
    {
        DeliveryOperation.Publish => "publish",
        DeliveryOperation.Update => "update",
        DeliveryOperation.Withdraw => "withdraw",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    public static DeliveryStatus ParseStatus(string value) =>
        TryParseStatus(value, out var status) ? status : throw new FormatException($"Unknown delivery status '{value}'.");

    public static bool TryParseStatus(string? value, out DeliveryStatus status)
    {
        foreach (var s in Enum.GetValues<DeliveryStatus>())
        {
            if (Of(s) == value)
            {
                status = s;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static DeliveryOperation ParseOperation(string value) => value switch
    {
        "publish" => DeliveryOperation.Publish,
        "update" => DeliveryOperation.Update,
        "withdraw" => DeliveryOperation.Withdraw,
        _ => throw new FormatException($"Unknown delivery operation '{value}'."),
    };
}
