using System.Reflection;
using Dapper;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;

namespace Syndicator.Storage.Sqlite;

/// <summary>Rows as read: snake_case columns onto these classes, then onto the domain records.</summary>
internal static class Rows
{
    /// <summary>Maps snake_case columns to the row classes' properties, for these types only (no global Dapper setting).</summary>
    public static void Register()
    {
        foreach (var type in new[]
                 {
                     typeof(DeliveryRow), typeof(ItemRow), typeof(AttemptRow), typeof(PlacementRow), typeof(AuditRow),
                     typeof(KeyRow), typeof(CountsRow), typeof(ChannelStateRow),
                     typeof(Relational.EventRow), typeof(Relational.EventClaimRow), typeof(Relational.EventListRow),
                     typeof(Relational.EventCountsRow), typeof(Relational.ReplayCandidateRow), typeof(Relational.CurrentDeliveryRow),
                 })
        {
            SqlMapper.SetTypeMap(type, new CustomPropertyTypeMap(type, (t, column) =>
                t.GetProperty(column.Replace("_", "", StringComparison.Ordinal),
                    BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)!));
        }
    }

    public static Uri? ToUri(string? value) => value is null ? null : new Uri(value, UriKind.RelativeOrAbsolute);

    public static string? FromUri(Uri? value) => value?.OriginalString;
}

/// <summary>What superseding a delivery hands on.</summary>
internal sealed class SupersededRow
{
    public long Seq { get; set; }
    public string? Checkpoint { get; set; }
}

/// <summary>A stored revision and its item's 索引号.</summary>
internal sealed class RevisionRow
{
    public string Document { get; set; } = "";
    public string? IndexNumber { get; set; }
}

internal sealed class DeliveryRow
{
    public long Seq { get; set; }
    public string Id { get; set; } = "";
    public string ItemId { get; set; } = "";
    public long Revision { get; set; }
    public string Channel { get; set; } = "";
    public string Operation { get; set; } = "";
    public string Status { get; set; } = "";
    public long Attempts { get; set; }
    public long RetryBase { get; set; }
    public long Crashes { get; set; }
    public long? NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public long LeaseToken { get; set; }
    public long? LeaseExpiresAt { get; set; }
    public string? Checkpoint { get; set; }
    public string? RemoteId { get; set; }
    public string? Url { get; set; }
    public string? LastError { get; set; }
    public string? Reason { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }

    public Delivery ToDelivery() => new()
    {
        Id = Id,
        Sequence = Seq,
        ItemId = ItemId,
        Revision = checked((int)Revision),
        Channel = Channel,
        Operation = WireNames.ParseOperation(Operation),
        Status = WireNames.ParseStatus(Status),
        Attempts = checked((int)Attempts),
        RetryBase = checked((int)RetryBase),
        Crashes = checked((int)Crashes),
        NextAttemptAt = UnixMs.To(NextAttemptAt),
        Checkpoint = Core.Deliveries.Checkpoint.FromJson(Checkpoint),
        RemoteId = RemoteId,
        Url = Rows.ToUri(Url),
        LastError = LastError,
        Reason = Reason,
        CreatedAt = UnixMs.To(CreatedAt),
        UpdatedAt = UnixMs.To(UpdatedAt),
    };
}

internal sealed class ItemRow
{
    public string Id { get; set; } = "";
    public long LatestRevision { get; set; }
    public string Title { get; set; } = "";
    public string Category { get; set; } = "";
    public string? IndexNumber { get; set; }
    public string Channels { get; set; } = "[]";
    public long AcceptedAt { get; set; }
}

internal sealed class AttemptRow
{
    public string DeliveryId { get; set; } = "";
    public long Number { get; set; }
    public long StartedAt { get; set; }
    public long EndedAt { get; set; }
    public string Outcome { get; set; } = "";
    public string? Code { get; set; }
    public string? Message { get; set; }

    public Attempt ToAttempt() =>
        new(DeliveryId, checked((int)Number), UnixMs.To(StartedAt), UnixMs.To(EndedAt), Outcome, Code, Message);
}

internal sealed class PlacementRow
{
    public string ItemId { get; set; } = "";
    public string Channel { get; set; } = "";
    public long Revision { get; set; }
    public string RemoteId { get; set; } = "";
    public string? Url { get; set; }
    public long UpdatedAt { get; set; }

    public Placement ToPlacement() =>
        new(ItemId, Channel, checked((int)Revision), RemoteId, Rows.ToUri(Url), UnixMs.To(UpdatedAt));
}

internal sealed class AuditRow
{
    public long At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string? ItemId { get; set; }
    public string? DeliveryId { get; set; }
    public string? Channel { get; set; }
    public string? Reason { get; set; }
    public string? Detail { get; set; }

    public AuditEntry ToEntry() => new(UnixMs.To(At), Actor, Action, ItemId, DeliveryId, Channel, Reason, Detail);

    public static object Args(AuditEntry e) => new
    {
        at = UnixMs.From(e.At),
        actor = e.Actor,
        action = e.Action,
        itemId = e.ItemId,
        deliveryId = e.DeliveryId,
        channel = e.Channel,
        reason = e.Reason,
        detail = e.Detail,
    };
}

internal sealed class KeyRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Hash { get; set; } = "";
    public string Scopes { get; set; } = "[]";
    public long CreatedAt { get; set; }
    public long? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public ApiKeyInfo ToInfo() =>
        new(Id, Name, StorageJson.DeserializeStrings(Scopes), UnixMs.To(CreatedAt), UnixMs.To(RevokedAt), RevokedBy);
}

internal sealed class CountsRow
{
    public long Pending { get; set; }
    public long Failed { get; set; }
    public long? OldestPendingSince { get; set; }
    public long? LastSuccessAt { get; set; }
}

internal sealed class ChannelStateRow
{
    public string Value { get; set; } = "";
    public long Version { get; set; }
    public long? ExpiresAt { get; set; }
    public long UpdatedAt { get; set; }

    public ChannelState ToState() => new(Value, Version, UnixMs.To(ExpiresAt), UnixMs.To(UpdatedAt));
}
