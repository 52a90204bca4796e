using System.Globalization;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>
/// Notice boards' confirmations (<c>board_confirmations</c>, <c>board_photos</c>): the reads. They are written by
/// <see cref="DeliveryStore"/>'s confirm, in the transaction that completes the delivery.
/// </summary>
internal sealed class BoardStore(IStoreDatabase database) : IBoardStore
{
    private readonly IStoreDatabase _db = RowMaps.Over(database);

    public async Task<IReadOnlyList<BoardConfirmation>> ListConfirmationsAsync(string itemId, CancellationToken cancellationToken)
    {
        var rows = await _db.ReadAsync(s => s.QueryAsync<ConfirmationRow>("Board.ForItem", new { itemId }), cancellationToken);
        return [.. rows.Select(r => new BoardConfirmation(
            r.DeliveryId, r.ItemId, r.Channel, BoardNames.Parse(r.Kind), Day(r.OnDate),
            r.PhotoName is null ? null : new BoardPhoto(r.PhotoName, r.PhotoType!, r.PhotoBytes ?? 0),
            r.ConfirmedBy, UnixMs.To(r.ConfirmedAt)))];
    }

    public async Task<MediaFile?> GetPhotoAsync(string deliveryId, CancellationToken cancellationToken)
    {
        var row = await _db.ReadAsync(s => s.QueryFirstOrDefaultAsync<PhotoRow>("Board.Photo", new { deliveryId }), cancellationToken);
        return row is null ? null : new MediaFile(row.Name, row.MediaType, row.Content);
    }

    public async Task<IReadOnlyList<PostedNotice>> ListPostedAsync(string channel, CancellationToken cancellationToken)
    {
        var rows = await _db.ReadAsync(s => s.QueryAsync<PostedRow>("Board.Posted", new { channel }), cancellationToken);
        return [.. rows.Select(r => new PostedNotice(r.ItemId, r.Channel, r.Title, Day(r.PostedOn)))];
    }

    private static DateOnly Day(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class ConfirmationRow
    {
        public string DeliveryId { get; set; } = "";
        public string ItemId { get; set; } = "";
        public string Channel { get; set; } = "";
        public string Kind { get; set; } = "";
        public string OnDate { get; set; } = "";
        public string? PhotoName { get; set; }
        public string? PhotoType { get; set; }
        public long? PhotoBytes { get; set; }
        public string ConfirmedBy { get; set; } = "";
        public long ConfirmedAt { get; set; }
    }

    private sealed class PhotoRow
    {
        public string Name { get; set; } = "";
        public string MediaType { get; set; } = "";
        public byte[] Content { get; set; } = [];
    }

    private sealed class PostedRow
    {
        public string ItemId { get; set; } = "";
        public string Channel { get; set; } = "";
        public string Title { get; set; } = "";
        public string PostedOn { get; set; } = "";
    }
}
