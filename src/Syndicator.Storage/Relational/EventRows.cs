using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>A stored event.</summary>
internal sealed class EventRow
{
    public long Seq { get; set; }
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public string ItemId { get; set; } = "";
    public long? Revision { get; set; }
    public string? Channel { get; set; }
    public long OccurredAt { get; set; }
    public string Payload { get; set; } = "";

    public StoredEvent ToEvent() =>
        new(Seq, Id, Type, ItemId, Revision is { } r ? checked((int)r) : null, Channel, UnixMs.To(OccurredAt), Payload);
}

/// <summary>What a claim of one event delivery returns.</summary>
internal sealed class EventClaimRow
{
    public string Subscription { get; set; } = "";
    public long EventSeq { get; set; }
    public long Attempts { get; set; }
    public long RetryBase { get; set; }
    public string? LastError { get; set; }
    public long LeaseToken { get; set; }
    public long DueAt { get; set; }
}

/// <summary>One event as one subscription received it, for listing.</summary>
internal sealed class EventListRow
{
    public string Subscription { get; set; } = "";
    public string Status { get; set; } = "";
    public long Attempts { get; set; }
    public long? DueAt { get; set; }
    public string? LastError { get; set; }
    public string? LastCode { get; set; }
    public long UpdatedAt { get; set; }
    public long? DeliveredAt { get; set; }
    public long Seq { get; set; }
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public string ItemId { get; set; } = "";
    public long? Revision { get; set; }
    public string? Channel { get; set; }
    public long OccurredAt { get; set; }

    public EventDeliveryRecord ToRecord()
    {
        var status = EventWireNames.Parse(Status);
        return new EventDeliveryRecord(
            new StoredEvent(Seq, Id, Type, ItemId, Revision is { } r ? checked((int)r) : null, Channel, UnixMs.To(OccurredAt), ""),
            Subscription,
            status,
            checked((int)Attempts),
            status is EventDeliveryStatus.Pending ? UnixMs.To(DueAt) : null,
            LastError,
            LastCode,
            UnixMs.To(UpdatedAt),
            UnixMs.To(DeliveredAt));
    }
}

internal sealed class EventCountsRow
{
    public long Pending { get; set; }
    public long Failed { get; set; }
    public long? LastDeliveredAt { get; set; }
}

/// <summary>An event a replay considers.</summary>
internal sealed class ReplayCandidateRow
{
    public long Seq { get; set; }
    public string Type { get; set; } = "";
    public string Channels { get; set; } = "";
}

/// <summary>A channel's current delivery of an item, for item.withdrawn.</summary>
internal sealed class CurrentDeliveryRow
{
    public string Channel { get; set; } = "";
    public string Operation { get; set; } = "";
    public string Status { get; set; } = "";
    public long UpdatedAt { get; set; }
    public string? LastError { get; set; }
    public string? Reason { get; set; }
}
