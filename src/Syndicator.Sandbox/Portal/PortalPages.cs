using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.Portal;

/// <summary>
/// The portal's public pages, laid out like a JCMS site's templates rather than a shape of ours (the brief's S9: no
/// <c>div.body</c>): an article under <c>/site/art/YYYY/M/D/art_{col}_{id}.html</c> (gov-cms-protocols §2.3 [H11]) with
/// the catalogue's metadata table above the text (gov-publishing §4.2), the title in <c>h2.art-title</c> and the text
/// in <c>div#zoom</c> (the id configurable, <see cref="PortalSettings.BodyId"/>); a column's list page at
/// <c>/site/col/col{col}/index.html</c> ([H11]); attachments under <c>/site/attach/…</c>.
/// </summary>
internal static class PortalPages
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    // The metadata table, two fields a row, in the order disclosure portals lay it out.
    private static readonly string[][] MetadataRows =
    [
        ["索引号", "主题分类"],
        ["发布机构", "成文日期"],
        ["文号", "发布日期"],
        ["体裁分类", "有效性"],
        ["公开方式", "公开范围"],
    ];

    public static RouteGroupBuilder MapPortalPages(this RouteGroupBuilder portal)
    {
        portal.MapGet(PortalSite.SitePath + "/art/{year:int}/{month:int}/{day:int}/art_{columnId:int}_{id:int}.html", Page);
        portal.MapGet(PortalSite.SitePath + "/attach/{id:int}/{index:int}/{name}", Attachment);
        portal.MapGet(PortalSite.SitePath + "/col/col{columnId:int}/index.html", List);
        return portal;
    }

    public static IResult Page(int year, int month, int day, int columnId, int id, HttpRequest request, PortalEmulator portal)
    {
        if (portal.Store.Get(id) is not { Deleted: false } article
            || request.Path.Value?.EndsWith(PortalSite.ArticlePath(article.ColumnId, article.Id, article.CreatedAt), StringComparison.Ordinal) != true)
        {
            return TypedResults.NotFound();
        }

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(Html.Encode(article.Title))
            .Append("</title></head><body>")
            .Append("<p class=\"column\">").Append(Html.Encode(PortalSite.Columns.GetValueOrDefault(article.ColumnId) ?? "")).Append("</p>")
            .Append("<table class=\"xxgk-meta\">");
        foreach (var row in MetadataRows)
        {
            html.Append("<tr>");
            foreach (var name in row)
            {
                html.Append("<th>").Append(name).Append("</th><td>").Append(Html.Encode(article.Field(name) ?? "")).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("<tr><th>名称</th><td colspan=\"3\">").Append(Html.Encode(article.Title)).Append("</td></tr></table>")
            .Append("<div class=\"article\"><h2 class=\"art-title\">").Append(Html.Encode(article.Title)).Append("</h2>")
            .Append("<div class=\"art-info\">发布日期：").Append(Html.Encode(article.Field("发布日期") ?? "")).Append("</div>")
            // The body is the HTML the caller stored; a static page shows it as is.
            .Append("<div id=\"").Append(Html.Encode(portal.Settings.BodyId)).Append("\">").Append(article.Body).Append("</div></div>");
        AppendAttachments(html, article);
        html.Append("</body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>A column's list page: its live articles, newest first, each a link titled as the article.</summary>
    public static IResult List(int columnId, PortalEmulator portal)
    {
        if (!PortalSite.Columns.TryGetValue(columnId, out var name))
        {
            return TypedResults.NotFound();
        }

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(Html.Encode(name))
            .Append("</title></head><body><div class=\"list\"><ul>");
        foreach (var article in portal.Store.All().Where(a => !a.Deleted && a.ColumnId == columnId).OrderByDescending(static a => a.Id))
        {
            var href = $"/{PortalEmulator.ChannelName}{PortalSite.SitePath}{PortalSite.ArticlePath(article.ColumnId, article.Id, article.CreatedAt)}";
            html.Append("<li><a href=\"").Append(Html.Encode(href)).Append("\" title=\"").Append(Html.Encode(article.Title)).Append("\">")
                .Append(Html.Encode(article.Title)).Append("</a><span>").Append(Html.Encode(article.Field("发布日期") ?? "")).Append("</span></li>");
        }

        html.Append("</ul></div></body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8);
    }

    public static IResult Attachment(int id, int index, string name, PortalEmulator portal) =>
        portal.Store.Get(id) is { Deleted: false } article && index >= 1 && index <= article.Attachments.Count
            && article.Attachments[index - 1] is var file && file.Name == name
            ? TypedResults.File(file.Content, file.MediaType, file.Name)
            : TypedResults.NotFound();

    private static void AppendAttachments(StringBuilder html, PortalArticle article)
    {
        if (article.Attachments.Count == 0)
        {
            return;
        }

        html.Append("<div class=\"attachments\"><p>附件：</p><ul>");
        for (var i = 0; i < article.Attachments.Count; i++)
        {
            var file = article.Attachments[i];
            var href = $"/{PortalEmulator.ChannelName}{PortalSite.SitePath}{PortalSite.AttachmentPath(article.Id, i + 1, file.Name)}";
            html.Append("<li><a href=\"").Append(Html.Encode(href)).Append("\">").Append(Html.Encode(file.Shown)).Append("</a></li>");
        }

        html.Append("</ul></div>");
    }
}
