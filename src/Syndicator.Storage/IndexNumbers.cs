using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage;

/// <summary>
/// Settles an accepted revision's 索引号 inside the accepting transaction, the same way on every provider (the rules
/// are on <see cref="IItemStore.AcceptAsync(ItemRevision, string, IndexNumberScheme?, CancellationToken)"/>). Numbers
/// live in <c>index_numbers</c>, whose rows are never deleted; serials come from <c>index_counters</c>.
/// </summary>
/// <remarks>
/// Two steps, so that the counter row — which every node's acceptances share — is locked only at the very end of the
/// transaction: <see cref="DecideAsync"/> first (reads only: may the revision be accepted, and which number it keeps),
/// <see cref="AssignAsync"/> last (the writes). The stored revision document does not carry a number given here; reads
/// take the item's number from <c>items.index_number</c>.
/// </remarks>
internal static class IndexNumbers
{
    public static async Task<IndexDecision> DecideAsync(IStoreSession s, ItemRevision item)
    {
        var held = await s.QueryFirstOrDefaultAsync<string>("IndexNumbers.OfItem", new { itemId = item.Id });
        if (held is not null)
        {
            return item.IndexNumber is null || item.IndexNumber == held
                ? new IndexDecision(held, null, Assign: false)
                : new IndexDecision(held, AcceptKind.IndexNumberChanged, Assign: false);
        }

        if (item.IndexNumber is { } brought)
        {
            return await s.QueryFirstOrDefaultAsync<string>("IndexNumbers.Holder", new { number = brought }) is null
                ? new IndexDecision(brought, null, Assign: true)
                : new IndexDecision(brought, AcceptKind.IndexNumberTaken, Assign: false);
        }

        return new IndexDecision(null, null, Assign: true);
    }

    /// <summary>Gives the item its number; null when it gets none. Throws <see cref="IndexNumberTakenException"/> when another
    /// transaction gave the brought number away first (the caller's transaction must roll back).</summary>
    public static async Task<string?> AssignAsync(IStoreSession s, ItemRevision item, IndexDecision decision, IndexNumberScheme? index)
    {
        if (!decision.Assign)
        {
            return decision.Number;
        }

        var assignedAt = UnixMs.From(item.AcceptedAt);
        var number = decision.Number;
        if (number is not null)
        {
            if (await s.ExecuteAsync("IndexNumbers.Assign", new { number, itemId = item.Id, assignedAt }) != 1)
            {
                throw new IndexNumberTakenException(number);
            }
        }
        else if (index is not null)
        {
            // A serial whose number an item brought earlier is passed over, so numbers stay unique either way.
            var year = IndexNumberScheme.YearOf(item.AcceptedAt);
            do
            {
                var serial = await s.ScalarAsync<long>("IndexNumbers.NextSerial", new { counter = index.CounterOf(year) });
                number = index.Format(year, serial);
            }
            while (await s.ExecuteAsync("IndexNumbers.Assign", new { number, itemId = item.Id, assignedAt }) != 1);
        }
        else
        {
            return null;
        }

        await s.ExecuteAsync("IndexNumbers.SetOnItem", new { itemId = item.Id, number });
        return number;
    }
}

/// <summary>What <see cref="IndexNumbers.DecideAsync"/> found: the number (if known yet), a refusal, and whether one is to be written.</summary>
internal sealed record IndexDecision(string? Number, AcceptKind? Refused, bool Assign);

/// <summary>The number a new item brought was given to another item by a transaction that committed first.</summary>
internal sealed class IndexNumberTakenException(string number) : Exception($"索引号 {number} was taken meanwhile.")
{
    public string Number { get; } = number;
}
