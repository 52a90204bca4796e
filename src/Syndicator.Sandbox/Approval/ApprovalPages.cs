using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.Approval;

/// <summary>
/// The published site: <c>/site/{channelId}/{yyyyMM}/t{yyyyMMdd}_{docId}.html</c> for published documents outside the
/// recycle bin, with the disclosure fields and the attachments, and <c>/site/files/{showName}</c> for uploads.
/// </summary>
internal static class ApprovalPages
{
    public const string SitePath = "/site";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly (string Field, string Label)[] Catalogue =
    [
        ("IDXID", "索引号"), ("SUBJECTCAT", "主题分类"), ("PUBLISHER", "发布机构"), ("WRITTENDATE", "成文日期"),
        ("FILENUM", "文号"), ("GENRE", "体裁分类"), ("VALIDITY", "有效性"), ("OPENMODE", "公开方式"), ("OPENSCOPE", "公开范围"),
    ];

    public static RouteGroupBuilder MapApprovalPages(this RouteGroupBuilder approval)
    {
        approval.MapGet(SitePath + "/{channelId:int}/{month}/{page}", Page);
        approval.MapGet(SitePath + "/files/{showName}", File);
        return approval;
    }

    public static IResult Page(int channelId, string month, string page, ApprovalEmulator approval)
    {
        ApprovalDocument? document;
        lock (approval.Gate)
        {
            document = approval.Store.All().FirstOrDefault(d => d.HasPage && d.PagePath == $"/{channelId}/{month}/{page}")?.Clone();
        }

        if (document is null)
        {
            return TypedResults.NotFound();
        }

        var title = Html.Encode(document.Title);
        var rows = string.Concat(Catalogue
            .Where(c => document.MetaView.ContainsKey(c.Field))
            .Select(c => $"<tr><th>{c.Label}</th><td>{Html.Encode(document.MetaView[c.Field])}</td></tr>"));
        var files = string.Concat(document.Appendixes.Select(a =>
            $"<li><a href=\"../../files/{Html.Encode(a.File)}\">{Html.Encode(a.Description)}</a></li>"));

        // The body is the HTML the caller stored; a static page shows it as is.
        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>{title}</title></head>
            <body>
            <p class="channel">{Html.Encode(ApprovalSite.Channels.GetValueOrDefault(channelId) ?? "")}</p>
            <table class="xxgk">{rows}</table>
            <h1>{title}</h1>
            <div class="TRS_Editor">{document.Body}</div>
            <ul class="appendix">{files}</ul>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    public static IResult File(string showName, ApprovalEmulator approval)
    {
        ApprovalFile? file;
        lock (approval.Gate)
        {
            file = approval.Store.File(showName);
        }

        return file is null ? TypedResults.NotFound() : TypedResults.Bytes(file.Content, "application/octet-stream", showName);
    }
}
