namespace Syndicator.Channels.WeChat;

/// <summary>
/// The APIs whose daily call limit the connector budgets (platform-truth W1, reference §4, §5), each with the setting
/// under <c>DailyLimits</c> that holds its limit and what it is spent on. The quota day is WeChat's: it ends at
/// midnight Beijing time (UTC+8).
/// </summary>
internal sealed record WeChatQuota(string Call, string Setting, string Purpose, Func<WeChatDailyLimits, int> Limit)
{
    public static readonly WeChatQuota Submit = new("freepublish/submit", nameof(WeChatDailyLimits.Submit), "发布 publishing", l => l.Submit);
    public static readonly WeChatQuota Get = new("freepublish/get", nameof(WeChatDailyLimits.Get), "发布状态轮询 status polls", l => l.Get);
    public static readonly WeChatQuota GetArticle = new("freepublish/getarticle", nameof(WeChatDailyLimits.GetArticle), "跟踪检查 tracking reads", l => l.GetArticle);
    public static readonly WeChatQuota BatchGet = new("freepublish/batchget", nameof(WeChatDailyLimits.BatchGet), "对账 reconciliation list reads", l => l.BatchGet);
    public static readonly WeChatQuota Delete = new("freepublish/delete", nameof(WeChatDailyLimits.Delete), "删除 updates and withdrawals", l => l.Delete);
    public static readonly WeChatQuota DraftAdd = new("draft/add", nameof(WeChatDailyLimits.DraftAdd), "新建草稿 drafts", l => l.DraftAdd);
    public static readonly WeChatQuota DraftGet = new("draft/get", nameof(WeChatDailyLimits.DraftGet), "获取草稿 reconciliation draft reads", l => l.DraftGet);
    public static readonly WeChatQuota DraftBatchGet = new("draft/batchget", nameof(WeChatDailyLimits.DraftBatchGet), "草稿列表 reconciliation draft lists", l => l.DraftBatchGet);

    public static IReadOnlyList<WeChatQuota> All { get; } = [Submit, Get, GetArticle, BatchGet, Delete, DraftAdd, DraftGet, DraftBatchGet];

    /// <summary>The path <c>openapi/quota/get</c> takes for this API.</summary>
    public string CgiPath => "/cgi-bin/" + Call;

    /// <summary>The budgeted API behind <paramref name="call"/> (a path below <c>cgi-bin/</c>), or null when it has none.</summary>
    public static WeChatQuota? For(string call) => All.FirstOrDefault(q => string.Equals(q.Call, call, StringComparison.Ordinal));

    /// <summary>The end of the quota day that holds <paramref name="now"/>: the next midnight, Beijing time.</summary>
    public static DateTimeOffset NextDay(DateTimeOffset now)
    {
        var beijing = now.ToOffset(WeChatOutcomes.BeijingOffset);
        return new DateTimeOffset(beijing.Date.AddDays(1), WeChatOutcomes.BeijingOffset);
    }

    /// <summary>The quota day (Beijing date) that holds <paramref name="now"/>.</summary>
    public static DateOnly Day(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(WeChatOutcomes.BeijingOffset).DateTime);
}
