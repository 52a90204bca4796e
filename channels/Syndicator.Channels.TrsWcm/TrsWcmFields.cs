using System.Globalization;
using System.Xml.Linq;
using Syndicator.Core.Items;

namespace Syndicator.Channels.TrsWcm;

/// <summary>
/// The parameters of the calls that carry an item: the document's own fields for <c>wcm6_document/save</c> and the
/// disclosure catalogue's fields (目录元数据) for <c>wcm6_MetaDataCenter/savemetaviewdata</c>.
/// </summary>
internal static class TrsWcmFields
{
    /// <summary>The site field that carries our item id: the external reference reconciliation looks documents up by.</summary>
    public const string ReferenceField = "ISPUSH";

    /// <summary>DOCTYPE 20: an HTML document (reference §1.5).</summary>
    private const string HtmlDocType = "20";

    /// <summary>DOCSTATUS 1 (新稿): saved, not yet published; <c>wcm6_publish/directPublish</c> publishes it.</summary>
    private const string NewDocStatus = "1";

    /// <summary>WCM shows times as China Standard Time, <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static IReadOnlyList<KeyValuePair<string, string>> Document(string channelId, ItemRevision item, int column, int objectId)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("ObjectId", Id(objectId)),
            new("ChannelId", Id(column)),
            new("DOCTYPE", HtmlDocType),
            new("DOCTITLE", item.TitleFor(channelId)),
            new("DOCHTMLCON", item.BodyHtml),
            new("DOCSOURCENAME", item.Publisher),
            new("DOCRELTIME", (item.PublishAt ?? item.AcceptedAt).ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            new("DOCSTATUS", NewDocStatus),
            new(ReferenceField, item.Id),
        };
        Add(fields, "DOCABSTRACT", item.SummaryFor(channelId));
        Add(fields, "DOCKEYWORDS", Keywords(item));
        return fields;
    }

    /// <summary>
    /// The metadata view's fields. <c>IDXID</c> and <c>PUBLISHER</c> are the names TRS's own import uses (reference
    /// §1.5); the others are this connector's names for the remaining catalogue elements (docs/channels/trswcm.md).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Metadata(ItemRevision item, int column, int viewId, int documentId)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("ObjectId", Id(documentId)),
            new("ViewId", Id(viewId)),
            new("ChannelId", Id(column)),
            new("PUBLISHER", item.Publisher),
            new("OPENMODE", item.Disclosure.Mode),
            new("OPENSCOPE", item.Disclosure.Scope),
        };
        Add(fields, "IDXID", item.IndexNumber);
        Add(fields, "FILENUM", item.DocumentNumber);
        Add(fields, "WRITTENDATE", item.WrittenOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(fields, "SUBJECTCAT", item.Disclosure.Topic);
        Add(fields, "GENRE", item.Disclosure.Genre);
        Add(fields, "VALIDITY", item.Disclosure.Validity);
        Add(fields, "KEYWORDS", Keywords(item));
        return fields;
    }

    /// <summary>
    /// <c>AppendixesXML</c> of <c>saveAppendixes</c>: an <c>OBJECTS</c> list, one <c>OBJECT</c> per uploaded file,
    /// <c>ID='0'</c> (new), <c>APPFILE</c> the upload's ShowName, <c>APPDESC</c> the file's own name, APPFLAG 10 (file).
    /// </summary>
    public static string Appendixes(IReadOnlyList<(string ShowName, MediaFile File)> uploaded) =>
        new XElement("OBJECTS", uploaded.Select(u => new XElement(
            "OBJECT",
            new XAttribute("ID", "0"),
            new XAttribute("APPFILE", u.ShowName),
            new XAttribute("APPDESC", u.File.Name),
            new XAttribute("APPFLAG", "10"),
            new XAttribute("APPLINKALT", u.File.Name)))).ToString(SaveOptions.DisableFormatting);

    /// <summary>The file's extension without the dot (<c>FileExt</c> of an upload); <c>bin</c> when it has none.</summary>
    public static string Extension(MediaFile file) =>
        Path.GetExtension(file.Name) is { Length: > 1 } ext ? ext[1..].ToLowerInvariant() : "bin";

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string? Keywords(ItemRevision item) =>
        item.Disclosure.Keywords.Count == 0 ? null : string.Join(',', item.Disclosure.Keywords);

    private static void Add(List<KeyValuePair<string, string>> fields, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            fields.Add(new(name, value));
        }
    }
}
