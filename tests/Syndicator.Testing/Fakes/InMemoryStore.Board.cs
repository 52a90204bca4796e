using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;

namespace Syndicator.Testing.Fakes;

/// <summary>Notice boards' confirmations and photos, as the relational store keeps them.</summary>
public sealed partial class InMemoryStore : IBoardStore
{
    private readonly List<BoardConfirmation> _board = [];
    private readonly Dictionary<string, MediaFile> _photos = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<BoardConfirmation>> ListConfirmationsAsync(string itemId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<BoardConfirmation> list = [.. _board.Where(b => b.ItemId == itemId)
                .OrderBy(b => b.On).ThenBy(b => b.ConfirmedAt).ThenBy(b => b.DeliveryId, StringComparer.Ordinal)];
            return Task.FromResult(list);
        }
    }

    public Task<MediaFile?> GetPhotoAsync(string deliveryId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_photos.GetValueOrDefault(deliveryId));
        }
    }

    public Task<IReadOnlyList<PostedNotice>> ListPostedAsync(string channel, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<PostedNotice> posted = [.. _board
                .Where(b => b.Channel == channel && b.Event == BoardEvent.Posted && _placements.ContainsKey((b.ItemId, b.Channel)))
                .GroupBy(b => b.ItemId, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new PostedNotice(g.Key, channel, _revisions[(g.Key, LatestRevision(g.Key))].Title, g.Max(b => b.On)))];
            return Task.FromResult(posted);
        }
    }

    /// <summary>The posting day of a board's publish delivery, when one was confirmed (callers hold the gate).</summary>
    private DateOnly? PostedOn(string deliveryId) =>
        _board.Find(b => b.DeliveryId == deliveryId && b.Event == BoardEvent.Posted)?.On;

    /// <summary>Keeps the confirmation and its photo; returns the audit entry (callers hold the gate).</summary>
    private AuditEntry RecordBoard(Delivery delivery, HandoffProof proof, DeliveryCommand command)
    {
        var kind = delivery.Operation == DeliveryOperation.Withdraw ? BoardEvent.TakenDown : BoardEvent.Posted;
        var on = proof.On!.Value;
        _board.Add(new BoardConfirmation(delivery.Id, delivery.ItemId, delivery.Channel, kind, on,
            proof.Photo is { } p ? new BoardPhoto(p.Name, p.MediaType, p.Content.Length) : null, command.Actor, command.Now));
        if (proof.Photo is { } photo)
        {
            _photos[delivery.Id] = photo;
        }

        return new AuditEntry(command.Now, command.Actor, BoardNames.AuditAction(kind), delivery.ItemId, delivery.Id, delivery.Channel,
            command.Reason, BoardNames.AuditDetail(kind, on, proof.Photo));
    }
}
