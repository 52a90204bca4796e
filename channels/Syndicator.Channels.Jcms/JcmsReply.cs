using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Syndicator.Channels.Jcms;

/// <summary>
/// A parsed <c>&lt;result&gt;</c>: <c>errorcode</c> (0 on success, else A00–A07), <c>message</c>, and what the
/// operation returns — an article's id and URL, or a query's matches.
/// </summary>
internal sealed record JcmsReply(string ErrorCode, string Message, string? ArticleId, Uri? Url, int Count, IReadOnlyList<JcmsFound> Articles)
{
    public const string Success = "0";

    public bool Succeeded => ErrorCode == Success;

    /// <summary>The reply in <paramref name="content"/>; null when it is not a <c>result</c> document.</summary>
    public static JcmsReply? Parse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        XElement root;
        try
        {
            root = XDocument.Parse(content.Trim()).Root!;
        }
        catch (XmlException)
        {
            return null;
        }

        if (root.Name.LocalName != "result" || Text(root, "errorcode") is not { } code)
        {
            return null;
        }

        var articles = root.Element("articles")?.Elements("article")
            .Select(a => new JcmsFound(Text(a, "articleid") ?? "", Text(a, "sourceid"), UrlOf(a)))
            .Where(static a => a.ArticleId.Length > 0)
            .ToList() ?? [];
        _ = int.TryParse(Text(root, "count"), NumberStyles.None, CultureInfo.InvariantCulture, out var count);
        return new JcmsReply(code, Text(root, "message") ?? "", Text(root, "articleid"), UrlOf(root), count, articles);
    }

    private static Uri? UrlOf(XElement parent) =>
        Uri.TryCreate(Text(parent, "url"), UriKind.Absolute, out var url) ? url : null;

    private static string? Text(XElement parent, string name) =>
        parent.Element(name)?.Value.Trim() is { Length: > 0 } text ? text : null;
}

/// <summary>One article a query found.</summary>
internal sealed record JcmsFound(string ArticleId, string? SourceId, Uri? Url);
