using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Syndicator.Sandbox.WeChat;

/// <summary>One article of a draft as the platform stored it: content sanitized, digest filled in (reference §4a, §8).</summary>
internal sealed record DraftArticle(
    string ArticleType,
    string Title,
    string? Author,
    string Digest,
    string Content,
    string? ContentSourceUrl,
    string? ThumbMediaId,
    string? ThumbUrl,
    int NeedOpenComment,
    int OnlyFansCanComment)
{
    public const int MaxArticles = 8;
    private const int TitleLimit = 32;
    private const int AuthorLimit = 16;
    private const int DigestLimit = 128;
    private const int ContentCharLimit = 20_000;
    private const int ContentByteLimit = 1024 * 1024;
    private const int AutoDigestLength = 54;

    /// <summary>
    /// Reads one article; the errcode when the platform refuses it. Limits count characters (字) of the string as
    /// received: a client that sends <c>\uXXXX</c> escapes inside a JSON string value sends the characters themselves.
    /// Rules and sources: title ≤ 32 字 → 45003, author ≤ 16 字 → 45110, digest ≤ 128 字 → 45004 (wechat-api.md §4a,
    /// DADD; W5); content under 20,000 characters and under 1 MB of UTF-8 → 45002 (W4, DADD "小于2万字符，小于1M");
    /// the byte limits of <see cref="WeChatMediaRules.TitleByteLimit"/> / <see cref="WeChatMediaRules.AuthorByteLimit"/>
    /// in strict mode (W5); a cover below the configured size or shape → 53402 (W3); a non-permanent cover → 40007 (§3).
    /// </summary>
    public static (DraftArticle? Article, int Errcode) Parse(JsonElement json, bool single, WeChatEmulator wechat, string origin)
    {
        var title = json.String("title");
        var content = json.String("content");
        var author = json.String("author");
        var digest = json.String("digest");
        var articleType = json.String("article_type") ?? "news";
        var errcode = string.IsNullOrEmpty(title) || string.IsNullOrEmpty(content) ? WeChatErrors.EmptyNewsData
            : title.Length > TitleLimit ? WeChatErrors.TitleSizeOutOfLimit
            : author?.Length > AuthorLimit ? WeChatErrors.AuthorSizeOutOfLimit
            : digest?.Length > DigestLimit ? WeChatErrors.DescriptionSizeOutOfLimit
            : content.Length >= ContentCharLimit || Encoding.UTF8.GetByteCount(content) >= ContentByteLimit ? WeChatErrors.ContentSizeOutOfLimit
            : wechat.Settings.Media.ByteErrcode(title, author);
        var cover = wechat.Media.Cover(json.String("thumb_media_id"));
        if (errcode == 0 && articleType == "news" && cover is null)
        {
            errcode = WeChatErrors.InvalidMediaId;
        }

        if (errcode == 0 && cover?.ImageName is { } coverImage)
        {
            errcode = wechat.Settings.Media.CoverErrcode(wechat.Media.Image(coverImage));
        }

        if (errcode != 0)
        {
            return (null, errcode);
        }

        var clean = ArticleHtml.Sanitize(content!, origin);
        // The digest belongs to single-article drafts; empty, it is the start of the text.
        var storedDigest = !single ? string.Empty
            : string.IsNullOrEmpty(digest) ? new string([.. ArticleHtml.Text(clean).Take(AutoDigestLength)])
            : digest;
        return (new DraftArticle(
            articleType,
            title!,
            author,
            storedDigest,
            clean,
            json.String("content_source_url"),
            cover?.MediaId,
            cover?.ImageName is { } image ? $"{origin}/{WeChatEmulator.ChannelName}{MediaStore.ImagePath}{image}" : null,
            json.Int("need_open_comment"),
            json.Int("only_fans_can_comment")), 0);
    }

    public JsonObject ToJson(bool withContent, string url, bool? isDeleted = null)
    {
        var json = new JsonObject
        {
            ["article_type"] = ArticleType,
            ["title"] = Title,
            ["author"] = Author ?? string.Empty,
            ["digest"] = Digest,
            ["content"] = withContent ? Content : string.Empty,
            ["content_source_url"] = ContentSourceUrl ?? string.Empty,
            ["thumb_media_id"] = ThumbMediaId ?? string.Empty,
            ["thumb_url"] = ThumbUrl ?? string.Empty,
            ["need_open_comment"] = NeedOpenComment,
            ["only_fans_can_comment"] = OnlyFansCanComment,
            ["url"] = url,
        };
        if (isDeleted is { } deleted)
        {
            json["is_deleted"] = deleted;
        }

        return json;
    }
}
