using System.Globalization;
using System.Xml.Linq;
using Syndicator.Core.Items;

namespace Syndicator.Channels.Jcms;

/// <summary>
/// The request documents of the receive interface (docs/channels/jcms.md): <c>&lt;main&gt;</c> with a one-letter
/// <c>status</c> (A add, U update, D delete, Q query), the credentials unless they travel in the URL, and one
/// <c>&lt;article&gt;</c> whose fields are named as the portal's template names them (标题, 正文, 文号, …).
/// </summary>
internal static class JcmsXml
{
    public const string Add = "A";
    public const string Update = "U";
    public const string Delete = "D";
    public const string Query = "Q";

    /// <summary>China Standard Time, the portal's clock for its dates (no daylight saving).</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The whole document for <paramref name="status"/>; <paramref name="credentials"/> null leaves them out of the body.</summary>
    public static string Document(string status, (string UserId, string Password)? credentials, XElement article)
    {
        var main = new XElement("main", new XElement("status", status));
        if (credentials is { } c)
        {
            main.Add(new XElement("userid", c.UserId), new XElement("password", c.Password));
        }

        main.Add(article);
        return new XDeclaration("1.0", "UTF-8", null) + "\n" + main.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// Every field of <paramref name="item"/> for an add (<paramref name="publishedAt"/> set: 创建日期 and 发布日期 are
    /// sent) or an update (null: the portal keeps the dates it has).
    /// </summary>
    public static XElement Article(ItemRevision item, string channelId, int column, string body, DateTimeOffset? publishedAt)
    {
        var article = new XElement(
            "article",
            new XElement("columnid", Id(column)),
            new XElement("sourceid", item.Id),
            new XElement("标题", item.TitleFor(channelId)),
            new XElement("正文", new XCData(body)));
        Optional(article, "文号", item.DocumentNumber);
        Optional(article, "索引号", item.IndexNumber);
        Optional(article, "发布机构", item.Publisher);
        Optional(article, "成文日期", item.WrittenOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (publishedAt is { } at)
        {
            var local = at.ToOffset(ChinaOffset);
            article.Add(
                new XElement("创建日期", local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                new XElement("发布日期", local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        var disclosure = item.Disclosure;
        Optional(article, "主题分类", disclosure.Topic);
        Optional(article, "体裁分类", disclosure.Genre);
        Optional(article, "有效性", disclosure.Validity);
        Optional(article, "公开方式", disclosure.Mode);
        Optional(article, "公开范围", disclosure.Scope);
        Optional(article, "主题词", disclosure.Keywords.Count == 0 ? null : string.Join(' ', disclosure.Keywords));
        Optional(article, "摘要", item.SummaryFor(channelId));
        article.Add(Attachments(item.Attachments));
        return article;
    }

    /// <summary>An article that only names an id (delete) or what to look up (query).</summary>
    public static XElement Reference(int? articleId = null, string? sourceId = null, int? column = null)
    {
        var article = new XElement("article");
        Optional(article, "articleid", articleId is { } id ? Id(id) : null);
        Optional(article, "sourceid", sourceId);
        Optional(article, "columnid", column is { } c ? Id(c) : null);
        return article;
    }

    // Always sent, even empty: an update that drops every attachment must say so.
    private static XElement Attachments(IReadOnlyList<MediaFile> files) => new(
        "附件",
        files.Select(f => new XElement("file", new XAttribute("name", f.Name), new XAttribute("type", f.MediaType), Convert.ToBase64String(f.Content))));

    private static void Optional(XElement article, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            article.Add(new XElement(name, value));
        }
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
