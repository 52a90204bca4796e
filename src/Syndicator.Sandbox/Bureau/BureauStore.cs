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

    /// <summary>
    /// The site's check level (<c>Site.CheckContentLevel</c>, 1 by default): a content is approved when its
    /// <c>checkedLevel</c> reaches it. <c>checked:true</c> on create sets the level to the site's (S4).
    /// </summary>
    public const int CheckContentLevel = 1;

    /// <summary>
    /// Stores a new content as <c>ContentsController.Create</c> does: the fields sent, then the check level
    /// (<c>checked ? site level : checkedLevel</c>) and the approval it gives.
    /// </summary>
    /// <exception cref="DatabaseRefusalException">A text column got more than its VARCHAR(500) takes (S2).</exception>
    public BureauContent Create(int siteId, int channelId, ContentPatch patch, bool enforceVarChar)
    {
        var now = timeProvider.GetUtcNow();
        var content = new BureauContent();
        patch.ApplyTo(content);
        content.SiteId = siteId;
        content.ChannelId = channelId;
        content.CheckedLevel = patch.Checked == true ? CheckContentLevel : patch.CheckedLevel ?? 0;
        content.Checked = content.CheckedLevel >= CheckContentLevel;
        content.ContentGuid = Guid.NewGuid().ToString();
        content.CreatedAt = content.UpdatedAt = now;
        content.CreatedDate = content.LastModifiedDate = LocalDate(now);
        RefuseTooLong(content, enforceVarChar);
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

    /// <summary>
    /// An update as SSCMS 7.3.1 and later make it (<c>Dictionary&lt;string, object&gt;</c>, S5): the fields sent change,
    /// the others are kept; approval follows the stored check level, so <c>checked</c> alone changes nothing.
    /// Null when there is no such content.
    /// </summary>
    /// <exception cref="DatabaseRefusalException">A text column got more than its VARCHAR(500) takes (S2).</exception>
    public BureauContent? Update(int id, ContentPatch patch, bool enforceVarChar) => Change(id, enforceVarChar, content =>
    {
        patch.ApplyTo(content);
        content.Checked = content.CheckedLevel >= CheckContentLevel;
        return content;
    });

    /// <summary>
    /// An update as SSCMS before 7.3.1 makes it (S5, before commit 24cecb239): the request binds a whole
    /// <c>Content</c>, so every field not sent is overwritten with its default — the check level too, which takes the
    /// page offline — and the answer is still 200. The answer carries the bound id, 0.
    /// </summary>
    public BureauContent? UpdateWipingUnsentFields(int id, ContentPatch patch, bool enforceVarChar) => Change(id, enforceVarChar, stored =>
    {
        var content = new BureauContent
        {
            Id = stored.Id,
            ContentGuid = stored.ContentGuid,
            SiteId = stored.SiteId,
            ChannelId = stored.ChannelId,
            CreatedAt = stored.CreatedAt,
            CreatedDate = stored.CreatedDate,
        };
        patch.ApplyTo(content);
        content.CheckedLevel = patch.CheckedLevel ?? 0;
        content.Checked = content.CheckedLevel >= CheckContentLevel;
        return content;
    });

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

    private BureauContent? Change(int id, bool enforceVarChar, Func<BureauContent, BureauContent> change)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_contents.TryGetValue(id, out var stored))
            {
                return null;
            }

            var content = change(stored.Clone());
            RefuseTooLong(content, enforceVarChar);
            content.UpdatedAt = now;
            content.LastModifiedDate = LocalDate(now);
            _contents[id] = content;
            return content.Clone();
        }
    }

    /// <summary>
    /// Datory creates every <c>[DataColumn]</c> string without <c>Text = true</c> as <c>VARCHAR(500)</c>; PostgreSQL,
    /// MySQL (strict), SQL Server and 达梦 refuse a longer value, SQLite stores it (S2).
    /// </summary>
    private static void RefuseTooLong(BureauContent content, bool enforce)
    {
        string?[] columns = [content.Title, content.SubTitle, content.ImageUrl, content.VideoUrl, content.FileUrl, content.Author, content.Source, content.LinkUrl];
        if (enforce && columns.Any(static value => value is { Length: > VarCharLength }))
        {
            throw new DatabaseRefusalException("22001: value too long for type character varying(500)");
        }
    }

    private const int VarCharLength = 500;

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

/// <summary>The database refused a write (S2); SSCMS answers it as a server fault carrying the database's message.</summary>
internal sealed class DatabaseRefusalException(string message) : Exception(message);
