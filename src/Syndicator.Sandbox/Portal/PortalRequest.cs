using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Syndicator.Sandbox.Portal;

/// <summary>
/// One call of the receive interface: the site's root element, its operation element where it has one (A add, U
/// update, D delete, Q query), and one <c>article</c> (platform-truth §4). Parsing checks the fields the operation
/// needs and answers the first problem as a kind (<see cref="PortalErrors"/>) and a message naming the field.
/// </summary>
internal sealed partial class PortalRequest
{
    public const string TitleField = "标题";
    public const string BodyField = "正文";
    public const string AttachmentsField = "附件";
    public const string PublisherField = "发布机构";
    public const string IndexNumberField = "索引号";

    private const int MaxTitleLength = 200;
    private static readonly string[] DateFields = ["成文日期", "发布日期"];
    private static readonly HashSet<string> OwnFields = new(StringComparer.Ordinal)
    {
        TitleField, BodyField, AttachmentsField, "columnid", "sourceid", "articleid",
    };

    public required string Status { get; init; }

    public string? UserId { get; init; }

    public string? Password { get; init; }

    public int? ArticleId { get; init; }

    public required PortalArticleFields Fields { get; init; }

    /// <summary>
    /// Reads the document as the site's template has it (<paramref name="settings"/>): the root, the operation element
    /// when the site has one (else every call is an add, as the public client's are, platform-truth §4), the credentials
    /// when the site reads them from the XML, and the <c>article</c> element (§4).
    /// </summary>
    public static (PortalRequest? Request, string Code, string Message) Parse(Stream body, PortalSettings settings)
    {
        XElement root;
        try
        {
            var reader = XmlReader.Create(body, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            using (reader)
            {
                root = XDocument.Load(reader).Root!;
            }
        }
        catch (XmlException exception)
        {
            return Fail(PortalErrors.BadFormat, $"XML格式错误：{exception.Message}");
        }

        if (root.Name.LocalName != settings.Root)
        {
            return Fail(PortalErrors.BadFormat, $"根元素应为 {settings.Root}，收到 {root.Name.LocalName}");
        }

        var status = "A";
        if (!string.IsNullOrWhiteSpace(settings.OperationElement))
        {
            status = Text(root, settings.OperationElement)?.ToUpperInvariant() ?? "";
            if (status is not ("A" or "U" or "D" or "Q"))
            {
                return Fail(PortalErrors.BadField, $"{settings.OperationElement} 应为 A、U、D 或 Q，收到 '{status}'");
            }

            if ((status == "U" && !settings.SupportsUpdate) || (status == "D" && !settings.SupportsDelete) || (status == "Q" && !settings.SupportsQuery))
            {
                return Fail(PortalErrors.Unsupported, $"接口不支持该操作：{status}");
            }
        }

        if (root.Element("article") is not { } article)
        {
            return Fail(PortalErrors.BadFormat, "缺少 article 元素");
        }

        var (fields, code, message) = ReadFields(article);
        if (fields is null)
        {
            return Fail(code, message);
        }

        var idText = Text(article, "articleid");
        int? articleId = int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
        if (idText is not null && articleId is null)
        {
            return Fail(PortalErrors.BadField, $"articleid 应为正整数，收到 '{idText}'");
        }

        var request = new PortalRequest
        {
            Status = status,
            UserId = settings.Credentials == "xml" ? Text(root, "userid") : null,
            Password = settings.Credentials == "xml" ? Text(root, "password") : null,
            ArticleId = articleId,
            Fields = fields,
        };
        return (request, "", "");
    }

    /// <summary>The first field the operation is missing, as (code, message); null when the request is complete.</summary>
    public (string Code, string Message)? Missing()
    {
        if (Status is "U" or "D" && ArticleId is null)
        {
            return (PortalErrors.BadField, "缺少 articleid");
        }

        if (Status != "A")
        {
            return null;
        }

        foreach (var (name, value) in new[] { (TitleField, Fields.Title), (BodyField, Fields.Body) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return (PortalErrors.BadField, $"缺少必填字段：{name}");
            }
        }

        if (Fields.ColumnId is null)
        {
            return (PortalErrors.BadField, "缺少必填字段：columnid");
        }

        return string.IsNullOrWhiteSpace(Fields.Others.FirstOrDefault(f => f.Key == PublisherField).Value)
            ? (PortalErrors.BadField, $"缺少必填字段：{PublisherField}")
            : null;
    }

    private static (PortalArticleFields? Fields, string Code, string Message) ReadFields(XElement article)
    {
        var title = Text(article, TitleField);
        if (title is { Length: > MaxTitleLength })
        {
            return (null, PortalErrors.BadField, $"{TitleField}超长：{title.Length} 字，上限 {MaxTitleLength} 字");
        }

        var columnText = Text(article, "columnid");
        int? columnId = null;
        if (columnText is not null)
        {
            if (!int.TryParse(columnText, NumberStyles.None, CultureInfo.InvariantCulture, out var column) || !PortalSite.Columns.ContainsKey(column))
            {
                return (null, PortalErrors.BadField, $"栏目不存在：columnid={columnText}");
            }

            columnId = column;
        }

        var others = article.Elements()
            .Where(e => !OwnFields.Contains(e.Name.LocalName))
            .Select(e => KeyValuePair.Create(e.Name.LocalName, e.Value.Trim()))
            .ToList();
        if (CheckOthers(others) is { } problem)
        {
            return (null, PortalErrors.BadField, problem);
        }

        var (attachments, attachmentProblem) = ReadAttachments(article.Element(AttachmentsField));
        if (attachmentProblem is not null)
        {
            return (null, PortalErrors.BadField, attachmentProblem);
        }

        var fields = new PortalArticleFields
        {
            Title = title,
            Body = article.Element(BodyField)?.Value,
            ColumnId = columnId,
            SourceId = Text(article, "sourceid"),
            Others = others,
            Attachments = attachments,
        };
        return (fields, "", "");
    }

    private static string? CheckOthers(List<KeyValuePair<string, string>> others)
    {
        foreach (var (name, value) in others)
        {
            if (DateFields.Contains(name) && value.Length > 0 && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return $"{name}格式应为 YYYY-MM-DD，收到 '{value}'";
            }

            if (name == IndexNumberField && value.Length > 0 && !IndexNumberPattern().IsMatch(value))
            {
                return $"{IndexNumberField}格式应为 机构代码/年份-序号（如 002482285/2023-00209），收到 '{value}'";
            }
        }

        return null;
    }

    private static (IReadOnlyList<PortalAttachment>? Files, string? Problem) ReadAttachments(XElement? element)
    {
        if (element is null)
        {
            return (null, null);
        }

        var files = new List<PortalAttachment>();
        foreach (var (file, index) in element.Elements("file").Select((f, i) => (f, i + 1)))
        {
            var name = (string?)file.Attribute("name");
            if (string.IsNullOrWhiteSpace(name))
            {
                return (null, $"附件 {index} 缺少 name");
            }

            // The file element's form (name, optional title, type, base64 text) is this project's default envelope: no
            // public source shows how the portal takes attachments (docs/channels/jcms.md), so the emulator accepts what
            // the connector is configured to send and refuses only what no form could carry (no name, not base64).
            try
            {
                files.Add(new PortalAttachment(
                    name, (string?)file.Attribute("type") ?? "application/octet-stream", Convert.FromBase64String(file.Value.Trim()), (string?)file.Attribute("title")));
            }
            catch (FormatException)
            {
                return (null, $"附件 {index}（{name}）不是 base64 编码");
            }
        }

        return (files, null);
    }

    private static string? Text(XElement parent, string name) => parent.Element(name)?.Value.Trim();

    private static (PortalRequest?, string, string) Fail(string code, string message) => (null, code, message);

    // 前段码 (an organisation code of 9 to 18 letters and digits) / 后段码 (a year or year-month, a dash, a serial).
    [GeneratedRegex(@"\A[0-9A-Za-z]{9,18}/[0-9]{4,6}-[0-9]{5}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IndexNumberPattern();
}
