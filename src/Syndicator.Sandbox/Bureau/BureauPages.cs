using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.Bureau;

/// <summary>The site's public pages: <c>/site/contents/{channelId}/{id}.html</c>, for approved contents outside the recycle bin.</summary>
internal static class BureauPages
{
    public const string SitePath = "/site";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static RouteGroupBuilder MapBureauPages(this RouteGroupBuilder bureau)
    {
        bureau.MapGet(SitePath + "/contents/{channelId:int}/{id:int}.html", Page);
        return bureau;
    }

    public static IResult Page(int channelId, int id, BureauEmulator bureau)
    {
        if (bureau.Store.Get(id) is not { HasPage: true } content || content.ChannelId != channelId)
        {
            return TypedResults.NotFound();
        }

        var title = Html.Encode(content.Title ?? string.Empty);
        var channel = Html.Encode(BureauSite.Channels.GetValueOrDefault(channelId) ?? string.Empty);
        // The body is the HTML the caller stored; a static page shows it as is.
        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>{title}</title></head>
            <body>
            <p class="channel">{channel}</p>
            <h1>{title}</h1>
            <p class="meta">{Html.Encode(content.Source ?? string.Empty)} {Html.Encode(content.Author ?? string.Empty)} {content.CreatedDate}</p>
            <div class="body">{content.Body}</div>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
    }
}
