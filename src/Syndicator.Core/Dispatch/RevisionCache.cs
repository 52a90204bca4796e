using Microsoft.Extensions.Caching.Memory;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;

namespace Syndicator.Core.Dispatch;

/// <summary>
/// Accepted revisions, kept in memory for a while after a try read one: an item's revision goes to every channel
/// it is routed to (and WeChat's confirmation tries read it again), so the store is read and the document decoded
/// once instead of five times. A stored revision never changes, so a remembered one is never stale — on any node.
/// Bounded by size (<see cref="SizeLimitBytes"/>, images and attachments counted) and by idle time.
/// </summary>
public sealed class RevisionCache : IDisposable
{
    /// <summary>The most the cache holds, by an estimate of each revision's size in memory.</summary>
    public const long SizeLimitBytes = 32L * 1024 * 1024;

    /// <summary>A revision larger than this (big attachments) is read from the store every time instead.</summary>
    public const long LargestKept = 4L * 1024 * 1024;

    private static readonly TimeSpan IdleFor = TimeSpan.FromMinutes(5);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });
    private readonly IItemStore _items;

    public RevisionCache(IItemStore items) => _items = items;

    public async Task<ItemRevision?> GetAsync(string itemId, int revision, CancellationToken cancellationToken)
    {
        var key = (itemId, revision);
        if (_cache.TryGetValue(key, out ItemRevision? kept) && kept is not null)
        {
            return kept;
        }

        var item = await _items.GetRevisionAsync(itemId, revision, cancellationToken);
        if (item is not null && SizeOf(item) is var size && size <= LargestKept)
        {
            _cache.Set(key, item, new MemoryCacheEntryOptions { Size = size, SlidingExpiration = IdleFor });
        }

        return item;
    }

    /// <summary>A rough size in memory: the text twice (UTF-16) and every file's bytes.</summary>
    public static long SizeOf(ItemRevision item)
    {
        ArgumentNullException.ThrowIfNull(item);
        long text = item.Title.Length + (item.Summary?.Length ?? 0) + item.Body.Content.Length + item.BodyHtml.Length;
        long files = item.Images.Sum(i => (long)i.Content.Length) + item.Attachments.Sum(a => (long)a.Content.Length) + (item.Cover?.Content.Length ?? 0);
        return (2 * text) + files + 1024;
    }

    public void Dispose() => _cache.Dispose();
}
