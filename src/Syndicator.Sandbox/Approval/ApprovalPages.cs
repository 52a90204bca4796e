using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.Approval;

/// <summary>
/// The published site: <c>/site/{channelId}/{yyyyMM}/t{yyyyMMdd}_{docId}.html</c> for published documents outside the
/// recycle bin, with the disclosure fields and the attachments, and <c>/site/files/{showName}</c> for uploads (also
/// by their published <c>P0…</c> names).
/// </summary>
internal static partial class ApprovalPages
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
        var fields = document.ViaMetaView ? document.MetaView : document.Fields;
        var rows = string.Concat(Catalogue
            .Where(c => fields.ContainsKey(c.Field))
            .Select(c => $"<tr><th>{c.Label}</th><td>{Html.Encode(fields[c.Field])}</td></tr>"));
        var files = string.Concat(document.Appendixes.Select(a =>
            $"<li><a href=\"../../files/{Html.Encode(a.File)}\">{Html.Encode(a.Description)}</a></li>"));

        // The body is the HTML the caller stored; publishing points uploaded pictures at their published copies (W0 → P0,
        // reference §1.8). The layout is a typical government site's detail template (no element is fixed by WCM, S9):
        // the sandbox profile sets the matching selectors.
        var body = PictureSrc().Replace(document.Body, m =>
            approval.Store.File(m.Groups["src"].Value) is not null && m.Groups["src"].Value.StartsWith("W0", StringComparison.Ordinal)
                ? $"{m.Groups["head"].Value}../../files/P0{m.Groups["src"].Value[2..]}{m.Groups["tail"].Value}"
                : m.Value);
        var published = document.PublishedAt is { } at ? ApprovalSite.Time(at) : "";
        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>{title}_{Html.Encode(ApprovalSite.Channels.GetValueOrDefault(channelId) ?? "")}</title></head>
            <body>
            <div class="main">
            <div class="location">首页 &gt; {Html.Encode(ApprovalSite.Channels.GetValueOrDefault(channelId) ?? "")}</div>
            <table class="xxgk_table">{rows}</table>
            <div class="article">
            <h1 class="article-title">{title}</h1>
            <div class="article-info">发布时间：{published}</div>
            <div class="article-content" id="zoom">{body}</div>
            <ul class="appendix">{files}</ul>
            </div>
            </div>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<head><img\b[^>]*?\bsrc\s*=\s*"")(?<src>[^""]*)(?<tail>"")", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PictureSrc();

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
