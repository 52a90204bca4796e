using System.Text.Json.Nodes;
using Syndicator.Core.Items;

namespace Syndicator.Channels.WeChat;

/// <summary>One article of a <c>draft/add</c> body (reference §4a), for a publish and for a mass-send digest alike.</summary>
internal static class WeChatArticle
{
    /// <param name="channel">The channel, for the item's per-channel title and summary and the channel's author (W5).</param>
    /// <param name="item">The revision.</param>
    /// <param name="uploaded">Body image name → URL returned by <c>media/uploadimg</c>.</param>
    /// <param name="thumb">The cover's permanent material id.</param>
    /// <param name="readMore">The 阅读原文 link, if any.</param>
    public static JsonObject Build(WeChatChannel channel, ItemRevision item, IReadOnlyDictionary<string, string> uploaded, string thumb, Uri? readMore)
    {
        var article = new JsonObject
        {
            ["article_type"] = "news",
            ["title"] = item.TitleFor(channel.Id),
            ["content"] = WeChatBody.Compose(item, uploaded),
            ["thumb_media_id"] = thumb,
            ["need_open_comment"] = 0,
            ["only_fans_can_comment"] = 0,
        };
        if (WeChatItemLimits.AuthorFor(channel.Options, item) is { } author)
        {
            article["author"] = author;
        }

        if (item.SummaryFor(channel.Id) is { Length: > 0 } digest)
        {
            article["digest"] = digest;
        }

        if (readMore is not null)
        {
            article["content_source_url"] = readMore.AbsoluteUri;
        }

        return article;
    }
}
