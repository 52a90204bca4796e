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

    /// <summary>How long to wait before asking again whether a publish job has finished. Default: 30 s.</summary>
    public TimeSpan PublishPollInterval { get; set; } = TimeSpan.FromSeconds(30);

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
}

/// <summary>A published WeChat article cannot be edited through the API: an update publishes a new article.</summary>
public enum WeChatUpdatePolicy
{
    /// <summary>Delete the old article (<c>freepublish/delete</c>) once the new one is confirmed.</summary>
    DeleteOld,

    /// <summary>Leave the old article live beside the new one.</summary>
    KeepOld,
}
