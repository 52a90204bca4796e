using Syndicator.Core.Deliveries;

namespace Syndicator.Testing.Fakes;

/// <summary>Steps shared by intake and the operators' commands (callers hold the gate).</summary>
public sealed partial class InMemoryStore
{
    /// <summary>
    /// Supersedes the unclaimed pending sends of (item, channel) — and hand-offs when withdrawing — and returns the
    /// checkpoint of the newest one that had started (null when none had), for what replaces it to inherit.
    /// </summary>
    private Checkpoint? Supersede(string itemId, string channel, DateTimeOffset now, bool withdrawing)
    {
        Checkpoint? carried = null;
        foreach (var row in _rows.Where(r => r.Is(itemId, channel) && r.Owner is null
            && (r.Delivery.Status == DeliveryStatus.Pending || (withdrawing && r.Delivery.Status == DeliveryStatus.Handoff))))
        {
            row.Delivery = row.Delivery with { Status = DeliveryStatus.Superseded, UpdatedAt = now };
            if (!row.Delivery.Checkpoint.IsEmpty)
            {
                carried = row.Delivery.Checkpoint; // rows are in sequence order: the last one kept is the newest
            }
        }

        return carried;
    }

    /// <summary>Update where the item is live on the channel, else publish.</summary>
    private DeliveryOperation SendOperation(string itemId, string channel) =>
        _placements.ContainsKey((itemId, channel)) ? DeliveryOperation.Update : DeliveryOperation.Publish;

    private Delivery Queue(
        string itemId, int revision, string channel, DeliveryOperation operation, DateTimeOffset due, string? reason, DateTimeOffset now,
        Checkpoint? checkpoint)
    {
        var delivery = new Delivery
        {
            Id = $"d-{Guid.NewGuid():N}",
            Sequence = ++_sequence,
            ItemId = itemId,
            Revision = revision,
            Channel = channel,
            Operation = operation,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = due,
            Checkpoint = checkpoint ?? Checkpoint.Empty,
            Reason = reason,
            CreatedAt = now,
            UpdatedAt = now,
        };
        _rows.Add(new Row(delivery));
        return delivery;
    }
}
