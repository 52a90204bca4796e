namespace Syndicator.Sandbox.WeChat;

/// <summary>
/// Daily API counters per cgi path (reference §7 quota tools). Days are Beijing calendar days (UTC+8) on the emulator's
/// clock; <c>clear_quota</c> empties them, at most <see cref="WeChatSettings.ClearQuotaMonthlyLimit"/> times a month.
/// Callers hold the emulator's lock.
/// </summary>
internal sealed class QuotaBook
{
    public const string Token = "/cgi-bin/token";
    public const string StableToken = "/cgi-bin/stable_token";
    public const string Submit = "/cgi-bin/freepublish/submit";
    public const string MassSend = "/cgi-bin/message/mass/sendall";
    public const string PublishGet = "/cgi-bin/freepublish/get";
    public const string GetArticle = "/cgi-bin/freepublish/getarticle";
    public const string BatchGet = "/cgi-bin/freepublish/batchget";
    public const string Delete = "/cgi-bin/freepublish/delete";
    public const string DraftAdd = "/cgi-bin/draft/add";
    public const string DraftGet = "/cgi-bin/draft/get";
    public const string DraftBatchGet = "/cgi-bin/draft/batchget";

    /// <summary>force_refresh calls of stable_token: a quota of its own, not reported by quota/get.</summary>
    public const string ForceRefresh = "stable_token force_refresh";

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private readonly Dictionary<string, int> _used = new(StringComparer.Ordinal);
    private DateOnly _day;
    private (int Year, int Month) _month;
    private int _clears;

    /// <summary>
    /// The paths whose every call (past the token check) counts against a daily limit, answered 45009 once it is
    /// reached (platform-truth W1; LIM). Submit is counted by its handler, which counts accepted submits only.
    /// </summary>
    public static IReadOnlyList<string> CountedPaths { get; } = [PublishGet, GetArticle, BatchGet, Delete, DraftAdd, DraftGet, DraftBatchGet];

    /// <summary>The paths <c>openapi/quota/get</c> knows.</summary>
    public static IReadOnlyList<string> ReportedPaths { get; } = [Token, StableToken, Submit, MassSend, .. CountedPaths];

    public int Used(string path, DateTimeOffset now)
    {
        Roll(now);
        return _used.GetValueOrDefault(path);
    }

    public bool HasRoom(string path, int limit, DateTimeOffset now) => Used(path, now) < limit;

    public void Use(string path, DateTimeOffset now)
    {
        Roll(now);
        _used[path] = _used.GetValueOrDefault(path) + 1;
    }

    /// <summary>Empties today's counters; false when this month's clears are used up.</summary>
    public bool TryClear(int monthlyLimit, DateTimeOffset now)
    {
        var local = now.ToOffset(Beijing);
        if (_month != (local.Year, local.Month))
        {
            _month = (local.Year, local.Month);
            _clears = 0;
        }

        if (_clears >= monthlyLimit)
        {
            return false;
        }

        _clears++;
        _used.Clear();
        return true;
    }

    public void Clear()
    {
        _used.Clear();
        _clears = 0;
        _month = default;
    }

    private void Roll(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(Beijing).DateTime);
        if (today != _day)
        {
            _day = today;
            _used.Clear();
        }
    }
}
