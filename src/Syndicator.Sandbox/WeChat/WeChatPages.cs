using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.WeChat;

/// <summary>
/// What a reader's browser fetches: the page of a published article (<c>/site/s/{articleId}?idx=n</c>, 404 once
/// deleted), the preview of a draft (<c>/site/draft/{mediaId}?idx=n</c>) and uploaded images (<c>/mmbiz/{name}</c>).
/// </summary>
internal static class WeChatPages
{
    public const string SitePath = "/site";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static RouteGroupBuilder MapWeChatPages(this RouteGroupBuilder wechat)
    {
        wechat.MapGet(SitePath + "/s/{articleId}", Article);
        wechat.MapGet(SitePath + "/draft/{mediaId}", Draft);
        wechat.MapGet(MediaStore.ImagePath + "{name}", Image);
        return wechat;
    }

    /// <summary>An absolute URL of a path below the channel prefix, as the caller reached the sandbox.</summary>
    public static string Url(HttpRequest request, string path) => $"{WeChatReply.Origin(request)}/{WeChatEmulator.ChannelName}{path}";

    public static string DraftUrl(HttpRequest request, string mediaId, int idx) => Url(request, $"{SitePath}/draft/{mediaId}?idx={idx}");

    public static IResult Article(string articleId, int? idx, WeChatEmulator wechat)
    {
        lock (wechat.Gate)
        {
            wechat.Settle();
            var index = (idx ?? 1) - 1;
            return wechat.Publishing.Article(articleId) is { } article && index >= 0 && index < article.Items.Count && !article.Items[index].Deleted
                ? Page(article.Items[index].Article)
                : TypedResults.NotFound();
        }
    }

    public static IResult Draft(string mediaId, int? idx, WeChatEmulator wechat)
    {
        lock (wechat.Gate)
        {
            wechat.Settle();
            var index = (idx ?? 1) - 1;
            return wechat.Drafts.Get(mediaId) is { } draft && index >= 0 && index < draft.Articles.Count
                ? Page(draft.Articles[index])
                : TypedResults.NotFound();
        }
    }

    public static IResult Image(string name, WeChatEmulator wechat)
    {
        lock (wechat.Gate)
        {
            return wechat.Media.Image(name) is { } image ? TypedResults.Bytes(image.Bytes, image.ContentType) : TypedResults.NotFound();
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Page(DraftArticle article)
    {
        var title = Html.Encode(article.Title);
        // The content is the HTML the platform stored after sanitizing it; the page shows it as is.
        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>{title}</title></head>
            <body>
            <h1 class="rich_media_title">{title}</h1>
            <p class="rich_media_meta">{Html.Encode(article.Author ?? string.Empty)}</p>
            <div class="rich_media_content" id="js_content">{article.Content}</div>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
    }
}
