using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>A notice board's confirmation, kept inside the confirming transaction of <c>ConfirmAsync</c>.</summary>
internal sealed partial class DeliveryStore
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Stores the posting (publish, update) or take-down (withdraw) and its photo; returns the audit entry saying so.</summary>
    private static async Task<AuditEntry> RecordBoardAsync(IStoreSession s, Delivery delivery, HandoffProof proof, DeliveryCommand command)
    {
        var on = proof.On!.Value;
        var kind = delivery.Operation == DeliveryOperation.Withdraw ? BoardEvent.TakenDown : BoardEvent.Posted;
        await s.ExecuteAsync("Board.Insert", new
        {
            deliveryId = delivery.Id,
            itemId = delivery.ItemId,
            channel = delivery.Channel,
            kind = BoardNames.Of(kind),
            onDate = BoardNames.Day(on),
            onAt = new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUnixTimeMilliseconds(),
            photoName = proof.Photo?.Name,
            photoType = proof.Photo?.MediaType,
            photoBytes = (long?)proof.Photo?.Content.Length,
            confirmedBy = command.Actor,
            confirmedAt = UnixMs.From(command.Now),
        });
        if (proof.Photo is { } photo)
        {
            await s.ExecuteAsync("Board.InsertPhoto", new { deliveryId = delivery.Id, content = photo.Content });
        }

        return new AuditEntry(command.Now, command.Actor, BoardNames.AuditAction(kind), delivery.ItemId, delivery.Id, delivery.Channel,
            command.Reason, BoardNames.AuditDetail(kind, on, proof.Photo));
    }
}
