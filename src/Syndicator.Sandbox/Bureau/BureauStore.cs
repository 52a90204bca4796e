using System.Globalization;

namespace Syndicator.Sandbox.Bureau;

/// <summary>
/// The contents of the emulated SSCMS site, safe for concurrent callers: every operation runs under one lock and
/// hands out clones, so an answer never changes while it is being written.
/// </summary>
internal sealed class BureauStore(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, BureauContent> _contents = [];
    private int _lastId;

    public BureauContent Create(int siteId, int channelId, ContentPatch patch)
    {
        var now = timeProvider.GetUtcNow();
        var content = new BureauContent();
        patch.ApplyTo(content);
        content.SiteId = siteId;
        content.ChannelId = channelId;
        content.ContentGuid = Guid.NewGuid().ToString();
        content.CreatedAt = content.UpdatedAt = now;
        content.CreatedDate = content.LastModifiedDate = LocalDate(now);
        lock (_gate)
        {
            // Ids count up per site; taxis (the manual order) puts the newest of a channel first.
            content.Id = ++_lastId;
            content.Taxis = _contents.Values.Where(c => Math.Abs(c.ChannelId) == channelId).Select(static c => c.Taxis).DefaultIfEmpty().Max() + 1;
            _contents.Add(content.Id, content);
            return content.Clone();
        }
    }

    public BureauContent? Get(int id)
    {
        lock (_gate)
        {
            return _contents.TryGetValue(id, out var content) ? content.Clone() : null;
        }
    }

    /// <summary>Changes the fields sent and keeps the others; null when there is no such content.</summary>
    public BureauContent? Update(int id, ContentPatch patch)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_contents.TryGetValue(id, out var content))
            {
                return null;
            }

            patch.ApplyTo(content);
            content.UpdatedAt = now;
            content.LastModifiedDate = LocalDate(now);
            return content.Clone();
        }
    }

    /// <summary>An edit made in SSCMS's own editor: title and/or body; false when there is no such content.</summary>
    public bool Edit(int id, string? title, string? body)
    {
        lock (_gate)
        {
            if (!_contents.TryGetValue(id, out var content))
            {
                return false;
            }

            content.Title = title ?? content.Title;
            content.Body = body ?? content.Body;
            content.UpdatedAt = timeProvider.GetUtcNow();
            content.LastModifiedDate = LocalDate(content.UpdatedAt);
            return true;
        }
    }

    /// <summary>Moves the content to the recycle bin (channel id negated) and answers it as it was; idempotent.</summary>
    public BureauContent? Delete(int id)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_contents.TryGetValue(id, out var content))
            {
                return null;
            }

            var before = content.Clone();
            if (!content.IsDeleted)
            {
                content.ChannelId = -content.ChannelId;
                content.UpdatedAt = now;
            }

            return before;
        }
    }

    public IReadOnlyList<BureauContent> All()
    {
        lock (_gate)
        {
            return [.. _contents.Values.Select(static c => c.Clone())];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _contents.Clear();
            _lastId = 0;
        }
    }

    public string LocalNow() => LocalDate(timeProvider.GetUtcNow());

    /// <summary>SSCMS dates: server local time, no zone, <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    private string LocalDate(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, timeProvider.LocalTimeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
