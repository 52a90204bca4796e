using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Syndicator.Sandbox.Portal;

/// <summary>
/// The receive interface's answers: always HTTP 200 and <c>&lt;result&gt;</c> with <c>errorcode</c> (0 or A00–A07)
/// and <c>message</c> (成功 on success), plus what the operation returns.
/// </summary>
internal static class PortalReply
{
    private const string ContentType = "text/xml; charset=utf-8";

    public static IResult Error(string code, string message) => Xml(Result(code, message));

    /// <summary>The answer of A, U and D: the article's id and its page.</summary>
    public static IResult Article(PortalArticle article, string origin) =>
        Xml(Result(PortalErrors.Success, "成功",
            new XElement("articleid", article.Id.ToString(CultureInfo.InvariantCulture)),
            new XElement("url", PageUrl(article, origin))));

    /// <summary>The answer of Q: how many articles matched and (the newest first) up to a page of them.</summary>
    public static IResult Query(IReadOnlyList<PortalArticle> matches, int pageSize, string origin) =>
        Xml(Result(PortalErrors.Success, "成功",
            new XElement("count", matches.Count.ToString(CultureInfo.InvariantCulture)),
            new XElement("articles", matches.Take(pageSize).Select(a => new XElement(
                "article",
                new XElement("articleid", a.Id.ToString(CultureInfo.InvariantCulture)),
                new XElement("columnid", a.ColumnId.ToString(CultureInfo.InvariantCulture)),
                new XElement(PortalRequest.TitleField, a.Title),
                new XElement("sourceid", a.SourceId ?? ""),
                new XElement("url", PageUrl(a, origin)))))));

    public static string PageUrl(PortalArticle article, string origin) =>
        $"{origin}{PortalSite.SitePath}{PortalSite.ArticlePath(article.ColumnId, article.Id, article.CreatedAt)}";

    private static XElement Result(string code, string message, params object[] content) =>
        new("result", new XElement("errorcode", code), new XElement("message", message), content);

    private static ContentHttpResult Xml(XElement result)
    {
        var text = new XDeclaration("1.0", "UTF-8", null) + Environment.NewLine + result.ToString(SaveOptions.DisableFormatting);
        return TypedResults.Content(text, ContentType, Encoding.UTF8);
    }
}
