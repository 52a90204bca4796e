using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage;

/// <summary>
/// Settles an accepted revision's 索引号 inside the accepting transaction, the same way on every provider (the rules
/// are on <see cref="IItemStore.AcceptAsync(ItemRevision, string, IndexNumberScheme?, CancellationToken)"/>). Numbers
/// live in <c>index_numbers</c>, whose rows are never deleted; serials come from <c>index_counters</c>.
/// </summary>
internal static class IndexNumbers
{
    /// <returns>The item's number (null when it has none), and why the revision is refused, if it is.</returns>
    public static async Task<(string? Number, AcceptKind? Refused)> SettleAsync(IStoreSession s, ItemRevision item, IndexNumberScheme? index)
    {
        var held = await s.QueryFirstOrDefaultAsync<string>("IndexNumbers.OfItem", new { itemId = item.Id });
        if (held is not null)
        {
            return item.IndexNumber is null || item.IndexNumber == held ? (held, null) : (held, AcceptKind.IndexNumberChanged);
        }

        var assignedAt = UnixMs.From(item.AcceptedAt);
        if (item.IndexNumber is { } brought)
        {
            return await s.ExecuteAsync("IndexNumbers.Assign", new { number = brought, itemId = item.Id, assignedAt }) == 1
                ? (brought, null)
                : (brought, AcceptKind.IndexNumberTaken);
        }

        if (index is null)
        {
            return (null, null);
        }

        // A serial whose number an item brought earlier is passed over, so numbers stay unique either way.
        var year = IndexNumberScheme.YearOf(item.AcceptedAt);
        while (true)
        {
            var serial = await s.ScalarAsync<long>("IndexNumbers.NextSerial", new { counter = index.CounterOf(year) });
            var number = index.Format(year, serial);
            if (await s.ExecuteAsync("IndexNumbers.Assign", new { number, itemId = item.Id, assignedAt }) == 1)
            {
                return (number, null);
            }
        }
    }
}
