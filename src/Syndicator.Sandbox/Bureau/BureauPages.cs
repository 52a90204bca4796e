using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.Bureau;

/// <summary>
/// The site's public pages, at the address the list reports as <c>navigationUrl</c> (S7) below <c>/site</c>, for
/// approved contents outside the recycle bin. The template is a site's own (S9): no <c>div.body</c>; the body sits in
/// <c>div.{bodyClass}</c> (default <c>article-content</c>) among the site's header, breadcrumb and footer.
/// </summary>
internal static class BureauPages
{
    public const string SitePath = "/site";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static RouteGroupBuilder MapBureauPages(this RouteGroupBuilder bureau)
    {
        bureau.MapGet(SitePath + "/{**path}", Page);
        return bureau;
    }

    public static IResult Page(string? path, BureauEmulator bureau)
    {
        var settings = bureau.Settings;
        var address = "/" + (path ?? string.Empty);
        var content = bureau.Store.All().FirstOrDefault(c => c.HasPage && string.Equals(settings.NavigationUrl(c), address, StringComparison.Ordinal));
        if (content is null)
        {
            return TypedResults.NotFound();
        }

        var title = Html.Encode(content.Title ?? string.Empty);
        var channel = Html.Encode(BureauSite.Channels.GetValueOrDefault(content.ChannelId) ?? string.Empty);
        // The body is the HTML the caller stored; a static page shows it as is.
        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>{title} - 桐乡市水利局</title></head>
            <body>
            <div class="header"><div class="logo">桐乡市水利局</div><ul class="nav"><li><a href="/">首页</a></li><li>{channel}</li></ul></div>
            <div class="main">
            <div class="position">当前位置：<a href="/">首页</a> &gt; {channel}</div>
            <div class="article">
            <h1 class="article-title">{title}</h1>
            <div class="article-info"><span>来源：{Html.Encode(content.Source ?? string.Empty)}</span> <span>作者：{Html.Encode(content.Author ?? string.Empty)}</span> <span>发布时间：{content.CreatedDate}</span></div>
            <div class="{settings.BodyClass}">{content.Body}</div>
            </div>
            </div>
            <div class="footer">主办：桐乡市水利局</div>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
    }
}
