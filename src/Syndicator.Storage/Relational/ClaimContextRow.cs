using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>A claimed delivery's revision document and live placement (<c>Leases.Context</c>).</summary>
internal sealed class ClaimContextRow
{
    public string DeliveryId { get; set; } = "";
    public string? Document { get; set; }
    public string? IndexNumber { get; set; }
    public long? PlacedRevision { get; set; }
    public string? PlacedRemoteId { get; set; }
    public string? PlacedUrl { get; set; }
    public long? PlacedAt { get; set; }

    /// <summary>The revision decoded (with the item's 索引号) and the placement, for <paramref name="delivery"/>.</summary>
    public ClaimedWith ToClaimedWith(Delivery delivery)
    {
        var item = Document is null ? null : StorageJson.DeserializeItem(Document);
        if (item is not null && IndexNumber is { } number)
        {
            item = item with { IndexNumber = number };
        }

        var live = PlacedRevision is { } revision
            ? new Placement(delivery.ItemId, delivery.Channel, checked((int)revision), PlacedRemoteId ?? "", Rows.ToUri(PlacedUrl), UnixMs.To(PlacedAt!.Value))
            : null;
        return new ClaimedWith(item, live);
    }
}
