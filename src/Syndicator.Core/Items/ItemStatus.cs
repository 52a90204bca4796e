using Syndicator.Core.Deliveries;

namespace Syndicator.Core.Items;

/// <summary>An item's overall state, derived from the current delivery of each of its channels.</summary>
public enum ItemStatus
{
    InProgress,
    Delivered,
    Attention,
    Withdrawn,
}

/// <summary>Derives <see cref="ItemStatus"/>; nothing stores it.</summary>
public static class ItemStatusRules
{
    public static string WireName(ItemStatus status) => status switch
    {
        ItemStatus.InProgress => "in_progress",
        ItemStatus.Delivered => "delivered",
        ItemStatus.Attention => "attention",
        ItemStatus.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string? value, out ItemStatus status)
    {
        foreach (var s in Enum.GetValues<ItemStatus>())
        {
            if (WireName(s) == value)
            {
                status = s;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>
    /// Per channel the current delivery is the newest one not superseded. Any failed or unconfirmed → attention;
    /// else any still moving (or waiting for an operator's hand-off) → in_progress; else all withdrawn → withdrawn;
    /// else delivered. Every delivery superseded (withdrawn before anything was sent) → withdrawn.
    /// </summary>
    public static ItemStatus Of(IEnumerable<Delivery> deliveries)
    {
        var current = deliveries
            .Where(d => d.Status != DeliveryStatus.Superseded)
            .GroupBy(d => d.Channel, StringComparer.Ordinal)
            .Select(g => g.MaxBy(d => d.Sequence)!)
            .ToList();

        // Only a withdrawal supersedes without queueing something new: nothing current means nothing was ever sent.
        if (current.Count == 0 && deliveries.Any())
        {
            return ItemStatus.Withdrawn;
        }

        if (current.Any(d => d.Status is DeliveryStatus.Failed or DeliveryStatus.Unconfirmed))
        {
            return ItemStatus.Attention;
        }

        if (current.Any(d => d.Status != DeliveryStatus.Succeeded))
        {
            return ItemStatus.InProgress;
        }

        return current.Count > 0 && current.All(d => d.Operation == DeliveryOperation.Withdraw)
            ? ItemStatus.Withdrawn
            : ItemStatus.Delivered;
    }
}
