using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Syndicator.Sandbox.Approval;

/// <summary>The methods that change documents.</summary>
internal sealed partial class ApprovalMethods
{
    private static readonly HashSet<string> DocTypes = ["10", "20", "30", "40"];

    /// <summary><c>wcm6_document/save</c>: ObjectId 0 creates (never de-duplicated), an existing id updates.</summary>
    private IResult Save()
    {
        var (objectId, error) = RequireId("ObjectId", min: 0);
        if (error is not null)
        {
            return error;
        }

        var (channelId, channelError) = RequireId("ChannelId");
        if (channelError is not null)
        {
            return channelError;
        }

        if (ValidateFields() is { } invalid)
        {
            return invalid;
        }

        if (!ApprovalSite.Channels.ContainsKey(channelId))
        {
            return NotFound($"栏目[ChannelId={channelId}]");
        }

        var document = objectId == 0 ? Store.Create(channelId) : Store.Get(objectId);
        if (document is null || document.Deleted)
        {
            return NotFound($"文档[ObjectId={objectId}]");
        }

        if (document.ViaMetaView)
        {
            return WcmReply.Fault(approval, WcmReply.ParamInvalid, $"文档[ObjectId={objectId}]属于元数据视图，请通过 wcm6_MetaDataCenter/savemetaviewdata 保存", "T4: a view's documents are saved through their view");
        }

        document.ChannelId = channelId;
        document.Title = call["DOCTITLE"]!;
        SetBody(document, call["DOCHTMLCON"] ?? "");
        document.Status = int.TryParse(call["DOCSTATUS"], CultureInfo.InvariantCulture, out var status) ? status : Math.Max(document.Status, 1);
        document.Fields = new(call.Parameters.Where(p => !IsOneOf(p.Key, "ObjectId", "DOCTITLE", "DOCHTMLCON")), StringComparer.OrdinalIgnoreCase);
        document.UpdatedAt = approval.Time.GetUtcNow();
        if (objectId == 0)
        {
            approval.Stats.Created();
        }
        else
        {
            approval.Stats.Updated();
        }

        return WcmReply.Result(document.Id.ToString(CultureInfo.InvariantCulture));
    }

    private IResult? ValidateFields()
    {
        var title = call["DOCTITLE"];
        if (string.IsNullOrWhiteSpace(title))
        {
            return Bad("DOCTITLE", "required (the document's title)");
        }

        if (title.Length > MaxTitleLength)
        {
            return Bad("DOCTITLE", $"at most {MaxTitleLength} characters; got {title.Length}");
        }

        if (call["DOCTYPE"] is { } type && !DocTypes.Contains(type))
        {
            return Bad("DOCTYPE", $"must be 10 (text), 20 (HTML), 30 (link) or 40 (file); got '{type}'");
        }

        return call["DOCSTATUS"] is { } status && !int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? Bad("DOCSTATUS", $"must be a status id (an integer); got '{status}'")
            : null;
    }

    /// <summary><c>wcm6_document/delete</c>: to the recycle bin (<c>Drop=false</c>) or gone; deleting again answers success.</summary>
    private IResult Delete()
    {
        var ids = (call["ObjectIds"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length == 0)
        {
            return Bad("ObjectIds", "required (a comma-separated list of document ids)");
        }

        var documents = new List<ApprovalDocument>();
        foreach (var text in ids)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
            {
                return Bad("ObjectIds", $"'{text}' is not a document id");
            }

            if (Store.Get(id) is not { } document)
            {
                return NotFound($"文档[ObjectId={id}]");
            }

            documents.Add(document);
        }

        foreach (var document in documents.Where(d => !d.Deleted))
        {
            document.Deleted = true;
            document.UpdatedAt = approval.Time.GetUtcNow();
            approval.Stats.Deleted();
        }

        return WcmReply.Result("true");
    }

    /// <summary>
    /// <c>wcm6_MetaDataCenter/savemetaviewdata</c> (T4): <c>ObjectId</c> 0 creates a document in a channel bound to the
    /// view (<c>CHANNELID</c>), an existing METADATAID updates it; the view's fields are stored, others dropped (a view
    /// has no column for them); the answer is <c>METAVIEWDATA.METADATAID</c>, the document's id. A document saved
    /// through <c>wcm6_document/save</c> has no view data: it is not found here.
    /// </summary>
    private IResult SaveMetaViewData()
    {
        var (objectId, error) = RequireId("ObjectId", min: 0);
        if (error is not null)
        {
            return error;
        }

        var (channelId, channelError) = RequireId("CHANNELID");
        if (channelError is not null)
        {
            return channelError;
        }

        var settings = approval.Settings;
        if (!ApprovalSite.Channels.ContainsKey(channelId))
        {
            return NotFound($"栏目[ChannelId={channelId}]");
        }

        if (!settings.ViewChannels.Contains(channelId))
        {
            return WcmReply.Fault(approval, WcmReply.ParamInvalid, $"栏目[ChannelId={channelId}]未绑定元数据视图", "T4: only channels bound to a metadata view take savemetaviewdata");
        }

        var title = call[settings.ViewTitleField];
        if (string.IsNullOrWhiteSpace(title))
        {
            return Bad(settings.ViewTitleField, "required (the view's title field)");
        }

        if (title.Length > MaxTitleLength)
        {
            return Bad(settings.ViewTitleField, $"at most {MaxTitleLength} characters; got {title.Length}");
        }

        var document = objectId == 0 ? Store.Create(channelId) : Store.Get(objectId);
        if (document is null || document.Deleted || (objectId != 0 && !document.ViaMetaView))
        {
            return NotFound($"元数据[ObjectId={objectId}]");
        }

        document.ViaMetaView = true;
        document.ChannelId = channelId;
        document.Title = title;
        SetBody(document, call[settings.ViewBodyField] ?? "");
        document.Status = Math.Max(document.Status, 1);
        document.MetaView = new(
            call.Parameters.Where(p => settings.ViewFields.Contains(p.Key, StringComparer.OrdinalIgnoreCase) && !IsOneOf(p.Key, settings.ViewTitleField, settings.ViewBodyField)),
            StringComparer.OrdinalIgnoreCase);
        document.Fields = new(call.Parameters.Where(p => !IsOneOf(p.Key, "ObjectId", settings.ViewTitleField, settings.ViewBodyField)), StringComparer.OrdinalIgnoreCase);
        document.UpdatedAt = approval.Time.GetUtcNow();
        if (objectId == 0)
        {
            approval.Stats.Created();
        }
        else
        {
            approval.Stats.Updated();
        }

        return WcmReply.Xml(new XElement("METAVIEWDATA", new XElement("METADATAID", document.Id)));
    }

    /// <summary>
    /// Stores the body as sent. Its pictures must point at uploads (T3: pictures are uploaded through
    /// <c>fileuploader.do</c> and <c>src</c> rewritten to the returned name); WCM stores any HTML, so one that does not
    /// (a name never uploaded, a <c>data:</c> URI) is kept and marked — its page shows a broken picture — and listed in
    /// the article's <c>unresolvedImages</c>.
    /// </summary>
    private void SetBody(ApprovalDocument document, string body)
    {
        document.Body = body;
        document.UnresolvedImages = [.. ImageSources(body).Where(src => !IsAbsoluteHttp(src) && Store.File(src) is null)];
    }

    private static bool IsAbsoluteHttp(string src) =>
        Uri.TryCreate(src, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    internal static IEnumerable<string> ImageSources(string html) =>
        ImgSrc().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["src"].Value).Trim()).ToList();

    [System.Text.RegularExpressions.GeneratedRegex(@"<img\b[^>]*?\bsrc\s*=\s*(?:""(?<src>[^""]*)""|'(?<src>[^']*)')", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ImgSrc();

    /// <summary><c>wcm6_publish/directPublish</c> of documents (ObjectType 605): DOCSTATUS 10 (已发), a page at once.</summary>
    private IResult DirectPublish()
    {
        var ids = (call["ObjectIds"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length == 0)
        {
            return Bad("ObjectIds", "required (a comma-separated list of document ids)");
        }

        if (call["ObjectType"] is { } type && type != "605")
        {
            return Bad("ObjectType", $"directPublish takes documents (605); got '{type}'");
        }

        var reports = new List<XElement>();
        foreach (var text in ids)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || Store.Get(id) is not { Deleted: false } document)
            {
                return NotFound($"文档[ObjectId={text}]");
            }

            document.Status = 10;
            document.PublishedAt ??= approval.Time.GetUtcNow();
            reports.Add(new XElement("REPORT", new XElement("TITLE", $"文档[{document.Id}]发布成功")));
        }

        return WcmReply.Xml(new XElement("REPORTS", new XElement("IS_SUCCESS", "true"), new XElement("TITLE", "发布成功"), reports));
    }

    /// <summary><c>wcm6_document/saveAppendixes</c>: the document's appendixes of <c>AppendixType</c>, replaced by the list sent.</summary>
    private IResult SaveAppendixes()
    {
        var (docId, error) = RequireId("DocId");
        if (error is not null)
        {
            return error;
        }

        var (type, typeError) = RequireId("AppendixType");
        if (typeError is not null)
        {
            return typeError;
        }

        if (Store.Get(docId) is not { Deleted: false } document)
        {
            return NotFound($"文档[DocId={docId}]");
        }

        var (appendixes, problem) = ParseAppendixes(call["AppendixesXML"], type);
        if (appendixes is null)
        {
            return Bad("AppendixesXML", problem!);
        }

        document.Appendixes = [.. document.Appendixes.Where(a => a.Flag != type), .. appendixes];
        document.UpdatedAt = approval.Time.GetUtcNow();
        return WcmReply.Result("true");
    }

    private (List<ApprovalAppendix>? Appendixes, string? Problem) ParseAppendixes(string? xml, int type)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return (null, "required (an OBJECTS list of OBJECT elements)");
        }

        XElement root;
        try
        {
            root = XElement.Parse(xml);
        }
        catch (XmlException exception)
        {
            return (null, $"not well-formed XML: {exception.Message}");
        }

        var appendixes = new List<ApprovalAppendix>();
        foreach (var item in root.Elements().Where(e => string.Equals(e.Name.LocalName, "OBJECT", StringComparison.OrdinalIgnoreCase)))
        {
            var file = Attribute(item, "APPFILE");
            if (file is null || Store.File(file) is null)
            {
                return (null, $"OBJECT APPFILE '{file}' names no uploaded file (upload it to fileuploader.do first)");
            }

            appendixes.Add(new ApprovalAppendix(file, Attribute(item, "APPDESC") ?? file, type));
        }

        return (appendixes, null);
    }

    private static string? Attribute(XElement element, string name) =>
        element.Attributes().FirstOrDefault(a => string.Equals(a.Name.LocalName, name, StringComparison.OrdinalIgnoreCase))?.Value;

    private static bool IsOneOf(string name, params string[] names) =>
        names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
}
