using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>Writing a revision and reading items with their deliveries, inside an <see cref="ItemStore"/> transaction.</summary>
internal static class ItemRecords
{
    /// <summary>The item with its deliveries; null when unknown.</summary>
    public static async Task<ItemRecord?> ReadAsync(IStoreSession s, string itemId)
    {
        var row = await s.QueryFirstOrDefaultAsync<ItemRow>("Items.Get", new { itemId });
        return row is null ? null : (await ReadAsync(s, [row]))[0];
    }

    /// <summary>The items of <paramref name="rows"/>, in their order, each with its deliveries (one query for all).</summary>
    public static async Task<IReadOnlyList<ItemRecord>> ReadAsync(IStoreSession s, IReadOnlyList<ItemRow> rows)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var deliveries = (await s.QueryAsync<DeliveryRow>("Deliveries.ByItems", new { itemIds = s.IdList([.. rows.Select(r => r.Id)]) }))
            .Select(d => d.ToDelivery())
            .ToLookup(d => d.ItemId, StringComparer.Ordinal);
        return [.. rows.Select(r => new ItemRecord(
            r.Id, checked((int)r.LatestRevision), r.Title, r.Category, r.IndexNumber, UnixMs.To(r.AcceptedAt), [.. deliveries[r.Id]]))];
    }

    /// <summary>The item row (latest revision) and the revision's document.</summary>
    public static async Task StoreRevisionAsync(IStoreSession s, ItemRevision item)
    {
        var acceptedAt = UnixMs.From(item.AcceptedAt);
        await s.ExecuteAsync("Items.Upsert", new
        {
            id = item.Id,
            revision = item.Revision,
            title = item.Title,
            category = item.Category,
            indexNumber = item.IndexNumber,
            channels = StorageJson.Serialize(item.Channels),
            acceptedAt,
        });
        await s.ExecuteAsync("Items.InsertRevision", new
        {
            itemId = item.Id,
            revision = item.Revision,
            contentHash = item.ContentHash,
            document = StorageJson.Serialize(item),
            acceptedAt,
        });
    }
}
