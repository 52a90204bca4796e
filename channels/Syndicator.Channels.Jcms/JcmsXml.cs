using System.Globalization;
using System.Xml.Linq;
using Syndicator.Core.Intake;
using Syndicator.Core.Items;

namespace Syndicator.Channels.Jcms;

/// <summary>
/// The request documents, built from <see cref="JcmsEnvelopeOptions"/>: the root, the operation element when the portal
/// has one, the credentials when they travel in the XML, and the article element whose children are named by
/// <c>Envelope:Fields</c>.
/// </summary>
internal sealed class JcmsXml
{
    /// <summary>China Standard Time, the portal's clock for its dates (no daylight saving).</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private readonly JcmsChannelOptions _options;
    private readonly string _channelId;

    public JcmsXml(JcmsChannelOptions options, string channelId)
    {
        _options = options;
        _channelId = channelId;
    }

    private JcmsEnvelopeOptions Envelope => _options.Envelope;

    /// <summary>The whole document; <paramref name="operation"/> is sent only when the portal has an operation element.</summary>
    public string Document(string operation, XElement article)
    {
        var root = new XElement(Envelope.Root);
        if (!string.IsNullOrWhiteSpace(Envelope.OperationElement))
        {
            root.Add(new XElement(Envelope.OperationElement, operation));
        }

        if (Envelope.Credentials == JcmsCredentialPlacement.Xml)
        {
            root.Add(new XElement(Envelope.UserIdName, _options.UserId), new XElement(Envelope.PasswordName, _options.Password));
        }

        root.Add(article);
        return new XDeclaration("1.0", "UTF-8", null) + "\n" + root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// Every field of <paramref name="item"/> for an add (<paramref name="publishedAt"/> set: 创建日期 and 发布日期 are
    /// sent) or an update (null: the portal keeps the dates it has).
    /// </summary>
    public XElement Article(ItemRevision item, int column, string body, DateTimeOffset? publishedAt, string? articleId = null)
    {
        var article = new XElement(Envelope.Article);
        Add(article, JcmsFields.SourceId, item.Id);
        if (articleId is not null)
        {
            article.Add(new XElement(Envelope.IdElement, articleId));
        }

        Add(article, JcmsFields.ColumnId, Id(column));
        Add(article, JcmsFields.Column, _options.ColumnNames.GetValueOrDefault(Id(column)));
        Add(article, JcmsFields.Title, item.TitleFor(_channelId));
        if (Name(JcmsFields.Body) is { } bodyName)
        {
            article.Add(new XElement(bodyName, new XCData(body)));
        }

        Add(article, JcmsFields.DocumentNumber, item.DocumentNumber);
        Add(article, JcmsFields.IndexNumber, item.IndexNumber);
        Add(article, JcmsFields.Publisher, item.Publisher);
        Add(article, JcmsFields.WrittenOn, item.WrittenOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (publishedAt is { } at)
        {
            var local = at.ToOffset(ChinaOffset);
            Add(article, JcmsFields.CreatedAt, local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            Add(article, JcmsFields.PublishedOn, local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var disclosure = item.Disclosure;
        Add(article, JcmsFields.Topic, disclosure.Topic);
        Add(article, JcmsFields.Genre, disclosure.Genre);
        Add(article, JcmsFields.Validity, disclosure.Validity);
        Add(article, JcmsFields.DisclosureMode, disclosure.Mode);
        Add(article, JcmsFields.DisclosureScope, disclosure.Scope);
        Add(article, JcmsFields.Keywords, disclosure.Keywords.Count == 0 ? null : string.Join(' ', disclosure.Keywords));
        Add(article, JcmsFields.Summary, item.SummaryFor(_channelId));

        // Always sent when mapped, even empty: an update that drops every attachment must say so. The portal stores
        // the file under a generated name (att-1.pdf, from the verified type); the sender's name is only its title.
        if (Name(JcmsFields.Attachments) is { } files)
        {
            article.Add(new XElement(
                files,
                item.Attachments.Select((f, i) => new XElement(
                    "file",
                    new XAttribute("name", StoredFileNames.For(f, "att", i + 1)),
                    new XAttribute("title", f.Name),
                    new XAttribute("type", f.MediaType),
                    Convert.ToBase64String(f.Content)))));
        }

        return article;
    }

    /// <summary>An article that only names an id (delete) or what to look up (query).</summary>
    public XElement Reference(string? articleId = null, string? sourceId = null, int? column = null)
    {
        var article = new XElement(Envelope.Article);
        if (articleId is not null)
        {
            article.Add(new XElement(Envelope.IdElement, articleId));
        }

        Add(article, JcmsFields.SourceId, sourceId);
        Add(article, JcmsFields.ColumnId, column is { } c ? Id(c) : null);
        return article;
    }

    private string? Name(string field) =>
        Envelope.Fields.TryGetValue(field, out var name) && !string.IsNullOrWhiteSpace(name) ? name.Trim() : null;

    private void Add(XElement article, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && Name(field) is { } name)
        {
            article.Add(new XElement(name, value));
        }
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
