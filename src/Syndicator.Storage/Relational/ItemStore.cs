using Syndicator.Core.Deliveries;
using Syndicator.Core.Events;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>
/// Items and intake (<c>items</c>, <c>item_revisions</c>, their 索引号): accepting a revision — stored with one delivery
/// per channel, the pending sends it replaces superseded (<see cref="DeliveryQueue"/>) and an audit entry, in one write
/// transaction — and reading items back with their deliveries.
/// </summary>
internal sealed class ItemStore(IStoreDatabase database, EventRoutes routes) : IItemStore
{
    private readonly IStoreDatabase _db = RowMaps.Over(database);

    /// <inheritdoc/>
    /// <remarks>
    /// Each new delivery falls due at <see cref="ItemRevision.PublishAt"/> when set, else at once
    /// (<see cref="ItemRevision.AcceptedAt"/>). Its operation is chosen from what is live now; the dispatcher may
    /// still turn a publish into an update when an earlier try makes the item live first.
    /// </remarks>
    public async Task<AcceptOutcome> AcceptAsync(ItemRevision item, string actor, IndexNumberScheme? index, CancellationToken cancellationToken)
    {
        try
        {
            return await AcceptOnceAsync(item, actor, index, cancellationToken);
        }
        catch (IndexNumberTakenException taken)
        {
            // Another item's transaction took the brought number between our check and our write: nothing was kept.
            return new AcceptOutcome(AcceptKind.IndexNumberTaken, 0, taken.Number);
        }
    }

    private Task<AcceptOutcome> AcceptOnceAsync(ItemRevision item, string actor, IndexNumberScheme? index, CancellationToken cancellationToken) =>
        _db.WriteAsync(async s =>
        {
            await s.LockItemAsync(item.Id);
            var key = new { itemId = item.Id, revision = item.Revision };
            var hash = await s.QueryFirstOrDefaultAsync<string>("Items.FindRevisionHash", key);
            var latest = (int?)await s.QueryFirstOrDefaultAsync<long?>("Items.FindLatestRevision", key);
            if (hash is not null)
            {
                return hash == item.ContentHash
                    ? new AcceptOutcome(AcceptKind.Replayed, latest ?? item.Revision) { Record = await ItemRecords.ReadAsync(s, item.Id) }
                    : new AcceptOutcome(AcceptKind.Conflict, latest ?? item.Revision);
            }

            if (latest > item.Revision)
            {
                return new AcceptOutcome(AcceptKind.Stale, latest.Value);
            }

            var decision = await IndexNumbers.DecideAsync(s, item);
            if (decision.Refused is { } refused)
            {
                return new AcceptOutcome(refused, latest ?? 0, decision.Number);
            }

            item = item with { IndexNumber = decision.Number };
            await ItemRecords.StoreRevisionAsync(s, item);
            var channels = item.Channels.Distinct(StringComparer.Ordinal).ToList();
            foreach (var channel in channels)
            {
                var carried = await DeliveryQueue.SupersedeAsync(s, item.Id, channel, item.AcceptedAt, withdrawing: false);
                var operation = await DeliveryQueue.SendOperationAsync(s, item.Id, channel);
                await DeliveryQueue.InsertAsync(
                    s, item.Id, item.Revision, channel, operation, item.PublishAt ?? item.AcceptedAt, null, item.AcceptedAt,
                    operation == DeliveryOperation.Publish ? carried : null);
            }

            var detail = $"revision {item.Revision} → {string.Join(", ", channels)}";
            await AuditTrail.AppendAsync(s, new AuditEntry(item.AcceptedAt, actor, "item.accepted", item.Id, null, null, null, detail));

            // Last, so the shared serial counter is locked for as short a time as possible.
            var number = await IndexNumbers.AssignAsync(s, item, decision, index);
            await EventLog.ItemAcceptedAsync(s, routes, item, channels, number);
            return new AcceptOutcome(AcceptKind.Accepted, item.Revision, number) { Record = await ItemRecords.ReadAsync(s, item.Id) };
        }, cancellationToken);

    public Task<ItemRecord?> GetAsync(string itemId, CancellationToken cancellationToken) =>
        _db.ReadAsync(s => ItemRecords.ReadAsync(s, itemId), cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// The status is derived from the deliveries, so a status filter reads pages of items and keeps the matching
    /// ones until <see cref="ItemQuery.Limit"/> is reached or the items run out.
    /// </remarks>
    public Task<IReadOnlyList<ItemRecord>> ListAsync(ItemQuery query, CancellationToken cancellationToken) =>
        _db.ReadAsync<IReadOnlyList<ItemRecord>>(async s =>
        {
            var result = new List<ItemRecord>();
            var page = query.Status is null ? query.Limit : Math.Max(query.Limit, 100);
            long? afterAt = null;
            string? afterId = null;
            while (result.Count < query.Limit)
            {
                var rows = await s.QueryAsync<ItemRow>("Items.List", new
                {
                    category = query.Category,
                    channel = query.Channel,
                    since = UnixMs.From(query.Since),
                    afterAt,
                    afterId,
                    limit = page,
                });
                var records = await ItemRecords.ReadAsync(s, rows);
                result.AddRange(records.Where(r => query.Status is null || r.Status == query.Status).Take(query.Limit - result.Count));
                if (rows.Count < page)
                {
                    break;
                }

                (afterAt, afterId) = (rows[^1].AcceptedAt, rows[^1].Id);
            }

            return result;
        }, cancellationToken);

    public Task<ItemRevision?> GetRevisionAsync(string itemId, int revision, CancellationToken cancellationToken) =>
        _db.ReadAsync(async s =>
        {
            var row = await s.QueryFirstOrDefaultAsync<RevisionRow>("Items.GetDocument", new { itemId, revision });
            if (row is null)
            {
                return null;
            }

            var item = StorageJson.DeserializeItem(row.Document);
            return row.IndexNumber is { } number ? item with { IndexNumber = number } : item;
        }, cancellationToken);
}
