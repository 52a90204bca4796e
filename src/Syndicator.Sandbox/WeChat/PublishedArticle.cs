using System.Text.Json.Nodes;
using Syndicator.Sandbox.Channels;

namespace Syndicator.Sandbox.WeChat;

/// <summary>
/// An article the account holds: the result of a publish job or a mass send, 1–8 items under one article_id. The
/// control API shows it as one entry: the first item's title, page and body, deleted once every item is.
/// </summary>
internal sealed class PublishedArticle(string articleId, List<PublishedItem> items, DateTimeOffset createdAt, long? publishId, long? msgId)
{
    public string ArticleId { get; } = articleId;

    public List<PublishedItem> Items { get; } = items;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public long? PublishId { get; } = publishId;

    public long? MsgId { get; } = msgId;

    public bool AllDeleted => Items.TrueForAll(static i => i.Deleted);

    /// <summary>The page of item <paramref name="idx"/> (1-based) below the channel prefix.</summary>
    public string PagePath(int idx) => $"{WeChatPages.SitePath}/s/{ArticleId}" + (idx > 1 ? $"?idx={idx}" : string.Empty);

    public SandboxArticle ToSandboxArticle()
    {
        var first = Items[0].Article;
        var metadata = new JsonObject
        {
            ["publish_id"] = PublishId,
            ["msg_id"] = MsgId,
            ["article_type"] = first.ArticleType,
            ["thumb_media_id"] = first.ThumbMediaId,
            ["author"] = first.Author,
            ["digest"] = first.Digest,
            ["content_source_url"] = first.ContentSourceUrl,
            ["need_open_comment"] = first.NeedOpenComment,
            ["only_fans_can_comment"] = first.OnlyFansCanComment,
            ["article_count"] = Items.Count,
        };
        return new SandboxArticle(
            ArticleId,
            first.Title,
            $"/{WeChatEmulator.ChannelName}{PagePath(1)}",
            SourceId: null,
            SandboxArticle.HashBody(first.Content),
            CreatedAt,
            UpdatedAt,
            AllDeleted,
            metadata);
    }
}
