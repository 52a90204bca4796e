using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Syndicator.Sandbox.Portal;

/// <summary>
/// The interface's answers, always HTTP 200 as JSP interfaces answer, in the shape <see cref="PortalSettings.Reply"/>
/// names. The default, <c>result</c>, is ours (no public source shows the reply, platform-truth §4): <c>success</c>
/// true/false, <c>message</c> (成功 on success, after ldap/receive.jsp [H2]), and what the operation returns.
/// </summary>
internal static class PortalReply
{
    public static IResult Error(PortalSettings settings, string message) => settings.Reply switch
    {
        "html" => Html("操作失败"),
        "other" => Xml(new XElement("response", new XElement("state", "fail"), new XElement("msg", message))),
        _ => Xml(Result(false, message)),
    };

    /// <summary>The answer of an add, update or delete: the article's id and its page.</summary>
    public static IResult Article(PortalSettings settings, PortalArticle article, string origin) => settings.Reply switch
    {
        "html" => Html("信息已提交"),
        "other" => Xml(new XElement("response", new XElement("state", "ok"), new XElement("msg", "done"), new XElement("infoid", Id(article.Id)))),
        _ => Xml(Result(true, "成功", new XElement("articleid", Id(article.Id)), new XElement("url", PageUrl(article, origin)))),
    };

    /// <summary>The answer of a query: how many articles matched and (the newest first) up to a page of them.</summary>
    public static IResult Query(PortalSettings settings, IReadOnlyList<PortalArticle> matches, int pageSize, string origin) => settings.Reply switch
    {
        "html" => Html($"共 {matches.Count} 条"),
        "other" => Xml(new XElement("response", new XElement("state", "ok"), new XElement("total", matches.Count))),
        _ => Xml(Result(true, "成功",
            new XElement("count", matches.Count.ToString(CultureInfo.InvariantCulture)),
            new XElement("articles", matches.Take(pageSize).Select(a => new XElement(
                "article",
                new XElement("articleid", Id(a.Id)),
                new XElement("columnid", Id(a.ColumnId)),
                new XElement(PortalRequest.TitleField, a.Title),
                new XElement("sourceid", a.SourceId ?? ""),
                new XElement("url", PageUrl(a, origin))))))),
    };

    public static string PageUrl(PortalArticle article, string origin) =>
        $"{origin}{PortalSite.SitePath}{PortalSite.ArticlePath(article.ColumnId, article.Id, article.CreatedAt)}";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static XElement Result(bool success, string message, params object[] content) =>
        new("result", new XElement("success", success ? "true" : "false"), new XElement("message", message), content);

    private static ContentHttpResult Xml(XElement result)
    {
        var text = new XDeclaration("1.0", "UTF-8", null) + Environment.NewLine + result.ToString(SaveOptions.DisableFormatting);
        return TypedResults.Content(text, "text/xml; charset=utf-8", Encoding.UTF8);
    }

    // What a JSP that was not written for machines answers: a page with a script alert.
    private static ContentHttpResult Html(string words) => TypedResults.Content(
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>提示</title></head><body><script>alert('{words}');history.back();</script></body></html>",
        "text/html; charset=utf-8",
        Encoding.UTF8);
}
