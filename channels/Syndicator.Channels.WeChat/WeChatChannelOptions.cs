namespace Syndicator.Channels.WeChat;

/// <summary>
/// Settings of a channel whose connector is <c>wechat</c>: one Official Account (公众号) reached through its HTTP API.
/// Bound from the channel's section, <c>Channels:&lt;id&gt;</c>.
/// </summary>
public sealed class WeChatChannelOptions
{
    /// <summary>The API host; calls go to <c>{ApiBaseUrl}/cgi-bin/…</c>. Default: <c>https://api.weixin.qq.com</c>.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.weixin.qq.com");

    /// <summary>
    /// The disaster-recovery host, tried when <see cref="ApiBaseUrl"/> cannot be connected to (never after an errcode
    /// answer). Default: <c>https://api2.weixin.qq.com</c>.
    /// </summary>
    public Uri FallbackApiBaseUrl { get; set; } = new("https://api2.weixin.qq.com");

    /// <summary>The account's AppID. Required.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The account's AppSecret. Required. A secret: never logged and never part of an outcome or health detail.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>The cover (base64 of a JPEG or PNG) used when an item has none. Default: none (such items are rejected).</summary>
    public string? DefaultCoverBase64 { get; set; }

    /// <summary>
    /// 作者: the author of every article of this channel (platform-truth W5). At most 16 characters (draft/add's
    /// documented limit) and 20 UTF-8 bytes (the length past which 45110 has been reported; 6 Chinese characters).
    /// Empty: no author. Default: none — the item's publisher when it is within both limits, otherwise no author.
    /// </summary>
    public string? Author { get; set; }

    /// <summary>The media type of <see cref="DefaultCoverBase64"/>. Default: <c>image/jpeg</c>.</summary>
    public string DefaultCoverMediaType { get; set; } = "image/jpeg";

    /// <summary>
    /// The waits before each <c>freepublish/get</c> of a submitted job (and each look of reconciliation), the last one
    /// repeated: the first poll after 1 minute, then 2, 5 and every 10 minutes. Polling spends the day's
    /// <c>freepublish/get</c> budget (100 calls on a new account, platform-truth W1), so a job should be asked about once
    /// or twice, never every 30 s. Keys <c>PublishPollSchedule:0</c>, <c>:1</c>… Default: 00:01:00, 00:02:00, 00:05:00, 00:10:00.
    /// </summary>
    public IList<TimeSpan> PublishPollSchedule { get; set; } = [];

    /// <summary>
    /// How long after a submit whose answer was lost reconciliation keeps looking for the article in
    /// <c>freepublish/batchget</c> (it appears there only once its job finished, platform-truth W7) before it hands the
    /// delivery to an operator as unconfirmed. Default: 2 hours.
    /// </summary>
    public TimeSpan ReconcileWait { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How long after a submit whose answer was lost a draft still in the draft box is taken to mean "not submitted", so
    /// the submit is sent again (a submitted draft leaves the box, platform-truth W7; a request still on its way could yet
    /// take it). Configuration, not a published figure: the default is far beyond any request's life. Default: 30 minutes.
    /// </summary>
    public TimeSpan SubmitSettleWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The account's daily call limits per API (<c>DailyLimits:Submit</c>…), counted in the shared channel state so
    /// every node spends one budget. Defaults: a new account's (platform-truth W1); accounts past 100k followers get more.
    /// </summary>
    public WeChatDailyLimits DailyLimits { get; set; } = new();

    /// <summary>
    /// 阅读原文: the id of another channel whose page of the item becomes the article's <c>content_source_url</c>, once
    /// that channel has published it (e.g. <c>bureau</c>). Default: none (no 阅读原文 link).
    /// </summary>
    public string? ReadMoreFrom { get; set; }

    /// <summary>
    /// How long after an item was accepted its draft waits for <see cref="ReadMoreFrom"/> to publish; after that the
    /// article goes out without the link. Default: 10 minutes.
    /// </summary>
    public TimeSpan ReadMoreWait { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The daily mass-send digest (群发). Default: off.</summary>
    public WeChatMassSendOptions MassSend { get; set; } = new();

    /// <summary>What happens to the old article when a new revision is published as a new one. Default: <see cref="WeChatUpdatePolicy.DeleteOld"/>.</summary>
    public WeChatUpdatePolicy UpdatePolicy { get; set; } = WeChatUpdatePolicy.DeleteOld;
}

/// <summary>
/// The optional daily mass send (群发, <c>Channels:&lt;id&gt;:MassSend</c>): at <see cref="SendAt"/> Beijing time, one
/// <c>message/mass/sendall</c> carrying up to <see cref="MaxArticles"/> of the items published on the account since the
/// last digest, so that followers are notified once a day.
/// </summary>
public sealed class WeChatMassSendOptions
{
    /// <summary>Whether the digest runs. Default: false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The time of day, Beijing time (UTC+8), of the send. Default: 20:00.</summary>
    public TimeSpan SendAt { get; set; } = new(20, 0, 0);

    /// <summary>At most this many articles per digest, 1–8 (WeChat's limit for one message). Default: 8.</summary>
    public int MaxArticles { get; set; } = 8;

    /// <summary>Send to the followers with this tag only; null sends to all (<c>is_to_all</c>). Default: null.</summary>
    public long? TagId { get; set; }

    /// <summary>
    /// How long to wait before asking again (<c>message/mass/get</c>) how an accepted send is going. With "API 群发保护"
    /// on, a send to all waits for an administrator and fails if not confirmed within 30 minutes (platform-truth W8), so
    /// a digest is called sent only once WeChat reports <c>SEND_SUCCESS</c>. Default: 5 minutes.
    /// </summary>
    public TimeSpan ResultCheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Daily call limits of the account, per API (接口调用频次限制说明, platform-truth W1). The quota day ends at midnight
/// Beijing time. When one is spent, the work that needs it waits for the next quota day instead of drawing 45009.
/// </summary>
public sealed class WeChatDailyLimits
{
    /// <summary><c>freepublish/submit</c> (发布). Default: 100.</summary>
    public int Submit { get; set; } = 100;

    /// <summary><c>freepublish/get</c> (发布状态轮询): status polls. Default: 100.</summary>
    public int Get { get; set; } = 100;

    /// <summary><c>freepublish/getarticle</c>: tracking's reads. Default: 100.</summary>
    public int GetArticle { get; set; } = 100;

    /// <summary><c>freepublish/batchget</c>: reconciliation's list reads. Default: 100.</summary>
    public int BatchGet { get; set; } = 100;

    /// <summary><c>freepublish/delete</c>: updates (old article) and withdrawals. Default: 10.</summary>
    public int Delete { get; set; } = 10;

    /// <summary><c>draft/add</c>. Default: 1000.</summary>
    public int DraftAdd { get; set; } = 1000;

    /// <summary><c>draft/get</c>: reconciliation after a lost submit. Default: 500.</summary>
    public int DraftGet { get; set; } = 500;

    /// <summary><c>draft/batchget</c>: reconciliation after a lost draft/add. Default: 1000.</summary>
    public int DraftBatchGet { get; set; } = 1000;
}

/// <summary>A published WeChat article cannot be edited through the API: an update publishes a new article.</summary>
public enum WeChatUpdatePolicy
{
    /// <summary>Delete the old article (<c>freepublish/delete</c>) once the new one is confirmed.</summary>
    DeleteOld,

    /// <summary>Leave the old article live beside the new one.</summary>
    KeepOld,
}
