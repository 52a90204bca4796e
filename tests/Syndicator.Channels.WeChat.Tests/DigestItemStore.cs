using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;

namespace Syndicator.Channels.WeChat.Tests;

/// <summary>
/// The items a digest reads, as the store would list them: each revision with the deliveries a test recorded for it
/// (typically the real publish it just ran against the emulator).
/// </summary>
internal sealed class DigestItemStore : IItemStore
{
    private readonly List<(ItemRevision Item, List<Delivery> Deliveries)> _items = [];

    public void Add(ItemRevision item, params Delivery[] deliveries) => _items.Add((item, [.. deliveries]));

    public Task<IReadOnlyList<ItemRecord>> ListAsync(ItemQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ItemRecord>>(_items
            .Where(e => query.Since is null || e.Item.AcceptedAt >= query.Since)
            .Where(e => query.Channel is null || e.Deliveries.Any(d => d.Channel == query.Channel))
            .OrderByDescending(e => e.Item.AcceptedAt)
            .Take(query.Limit)
            .Select(e => new ItemRecord(e.Item.Id, e.Item.Revision, e.Item.Title, e.Item.Category, null, e.Item.AcceptedAt, e.Deliveries))
            .ToList());

    public Task<ItemRevision?> GetRevisionAsync(string itemId, int revision, CancellationToken cancellationToken) =>
        Task.FromResult(_items.Select(e => e.Item).FirstOrDefault(i => i.Id == itemId && i.Revision == revision));

    public Task<AcceptOutcome> AcceptAsync(ItemRevision item, string actor, IndexNumberScheme? index, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<ItemRecord?> GetAsync(string itemId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
