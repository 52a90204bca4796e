namespace Syndicator.Core.Events;

/// <summary>The events Syndicator reports to subscribers (docs/events.md has each payload's JSON Schema).</summary>
public static class EventTypes
{
    /// <summary>A revision was accepted and its deliveries queued.</summary>
    public const string ItemAccepted = "item.accepted";

    /// <summary>A delivery succeeded: live (publish, update) or gone (withdraw) on its channel, with the URL.</summary>
    public const string DeliverySucceeded = "delivery.succeeded";

    /// <summary>A delivery failed for good (refused, or its retries used up): an operator must act.</summary>
    public const string DeliveryFailed = "delivery.failed";

    /// <summary>A delivery's outcome is unknown and could not be reconciled: an operator must check the platform.</summary>
    public const string DeliveryUnconfirmed = "delivery.unconfirmed";

    /// <summary>The item's latest revision is live on every channel it is routed to: every URL, the one to record.</summary>
    public const string ItemLive = "item.live";

    /// <summary>A withdrawal ran its course: where the item is gone, where it is still live, where withdrawing failed.</summary>
    public const string ItemWithdrawn = "item.withdrawn";

    public static readonly IReadOnlyList<string> All =
        [ItemAccepted, DeliverySucceeded, DeliveryFailed, DeliveryUnconfirmed, ItemLive, ItemWithdrawn];
}
