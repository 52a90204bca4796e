using System.Globalization;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Syndicator.Core.Items;

namespace Syndicator.Channels.TrsWcm;

/// <summary>
/// The parameters of the calls that carry an item: <c>wcm6_document/save</c> (document mode) or
/// <c>wcm6_MetaDataCenter/savemetaviewdata</c> (metaview mode), never both (T4), with the disclosure fields under the
/// site's names (<see cref="TrsWcmChannelOptions.Fields"/>), and the body as TRS's own import sends it (T3).
/// </summary>
internal static class TrsWcmFields
{
    /// <summary>
    /// Our fields and their default site names. <c>IDXID</c> and <c>PUBLISHER</c> are the names TRS's own import uses
    /// (reference §1.5 [S27]); <c>DOCTITLE</c>/<c>DOCHTMLCON</c> are WCM's document fields; the others are this
    /// connector's names, to be replaced by the view's own (T4: a view's field names are the site's own).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultMap = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Title"] = "DOCTITLE",
        ["Body"] = "DOCHTMLCON",
        ["IndexNumber"] = "IDXID",
        ["Publisher"] = "PUBLISHER",
        ["DocumentNumber"] = "FILENUM",
        ["WrittenOn"] = "WRITTENDATE",
        ["Topic"] = "SUBJECTCAT",
        ["Genre"] = "GENRE",
        ["Validity"] = "VALIDITY",
        ["OpenMode"] = "OPENMODE",
        ["OpenScope"] = "OPENSCOPE",
        ["Keywords"] = "KEYWORDS",
    };

    /// <summary>The keys <see cref="TrsWcmChannelOptions.Fields"/> may hold.</summary>
    public static IEnumerable<string> Ours => DefaultMap.Keys;

    /// <summary>The fields that only a metadata view carries (in document mode the title and body are WCM's own).</summary>
    private static readonly HashSet<string> ViewOnly = new(StringComparer.OrdinalIgnoreCase) { "Title", "Body" };

    /// <summary>DOCTYPE 20: an HTML document (reference §1.5).</summary>
    private const string HtmlDocType = "20";

    /// <summary>DOCSTATUS 1 (新稿): saved, not yet published; <c>wcm6_publish/directPublish</c> publishes it.</summary>
    private const string NewDocStatus = "1";

    /// <summary>The class TRS's own import wraps rich HTML in ("系统要求", T3, reference §1.5 [S28]).</summary>
    public const string WrapperClass = "TRS_UEDITOR TRS_WEB";

    /// <summary>WCM shows times as China Standard Time, <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>
    /// The body as saved: TRS's wrapper around our marker (an HTML comment naming the item and delivery, which
    /// reconciliation finds documents by, T5) and the body whose pictures point at their uploads (T3).
    /// </summary>
    public static string Body(string bodyHtml, string itemId, string deliveryId) =>
        $"<div class=\"{WrapperClass}\">{Marker(itemId, deliveryId)}{bodyHtml}</div>";

    /// <summary>Our marker: <c>&lt;!--syndicator:item=ID;delivery=ID--&gt;</c>. Ids are [A-Za-z0-9._-], safe in a comment.</summary>
    public static string Marker(string itemId, string deliveryId) => $"<!--syndicator:item={itemId};delivery={deliveryId}-->";

    /// <summary>Whether <paramref name="html"/> carries the marker of <paramref name="itemId"/> (any delivery).</summary>
    public static bool HasMarker(string? html, string itemId) =>
        html is not null && html.Contains($"<!--syndicator:item={itemId};", StringComparison.Ordinal);

    /// <summary>The names of the item's pictures the body shows (<c>&lt;img src="NAME"&gt;</c>), in order, each once.</summary>
    public static IReadOnlyList<MediaFile> BodyImages(ItemRevision item)
    {
        var byName = item.Images.DistinctBy(i => i.Name, StringComparer.Ordinal).ToDictionary(i => i.Name, StringComparer.Ordinal);
        return [.. ImageSources(item.BodyHtml).Select(s => byName.GetValueOrDefault(s)).OfType<MediaFile>().DistinctBy(i => i.Name)];
    }

    /// <summary>The body with each picture's <c>src</c> replaced by its upload's name (T3).</summary>
    public static string RewriteImages(string html, IReadOnlyDictionary<string, string> uploaded)
    {
        if (uploaded.Count == 0)
        {
            return html;
        }

        var body = new HtmlParser().ParseDocument("").Body!;
        body.InnerHtml = html;
        foreach (var img in body.QuerySelectorAll("img[src]"))
        {
            if (uploaded.TryGetValue(Uri.UnescapeDataString(img.GetAttribute("src")!.Trim()), out var showName))
            {
                img.SetAttribute("src", showName);
            }
        }

        return body.InnerHtml;
    }

    /// <summary>Our field → the site's name: the configured map over the defaults; an empty name leaves the field out.</summary>
    public static IReadOnlyDictionary<string, string> Map(TrsWcmChannelOptions options)
    {
        var map = new Dictionary<string, string>(DefaultMap, StringComparer.OrdinalIgnoreCase);
        foreach (var (ours, theirs) in options.Fields)
        {
            map[ours] = theirs?.Trim() ?? "";
        }

        return map;
    }

    /// <summary><c>wcm6_document/save</c> (T4 document mode): WCM's document fields, then the mapped disclosure fields.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Document(
        TrsWcmChannelOptions options, string channelId, ItemRevision item, string body, int column, int objectId)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("ObjectId", Id(objectId)),
            new("ChannelId", Id(column)),
            new("DOCTYPE", HtmlDocType),
            new("DOCTITLE", item.TitleFor(channelId)),
            new("DOCHTMLCON", body),
            new("DOCSOURCENAME", item.Publisher),
            new("DOCRELTIME", RelTime(item)),
            new("DOCSTATUS", NewDocStatus),
        };
        Add(fields, "DOCABSTRACT", item.SummaryFor(channelId));
        Add(fields, "DOCKEYWORDS", Keywords(item));
        AddDisclosure(fields, options, item, viewToo: false);
        AddReference(fields, options, item);
        return fields;
    }

    /// <summary>
    /// <c>wcm6_MetaDataCenter/savemetaviewdata</c> (T4 metaview mode): <c>ObjectId</c> 0 creates (an existing id
    /// updates), <c>CHANNELID</c>, the view's fields by the map (title and body included), <c>CRUSER</c>.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> MetaView(
        TrsWcmChannelOptions options, string channelId, ItemRevision item, string body, int column, int objectId)
    {
        var map = Map(options);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("ObjectId", Id(objectId)),
            new("CHANNELID", Id(column)),
            new("CRUSER", options.UserName),
        };
        Add(fields, map["Title"], item.TitleFor(channelId));
        Add(fields, map["Body"], body);
        Add(fields, "DOCRELTIME", RelTime(item));
        AddDisclosure(fields, options, item, viewToo: true);
        AddReference(fields, options, item);
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

    /// <summary>
    /// <c>FileExt</c> of an upload, without the dot: the extension of the file's verified media type, never the sender's
    /// name (a name is display text only: <c>APPDESC</c>, <c>APPLINKALT</c>).
    /// </summary>
    public static string Extension(MediaFile file) => Syndicator.Core.Intake.StoredFileNames.Extension(file);

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string> ImageSources(string html)
    {
        var body = new HtmlParser().ParseDocument("").Body!;
        body.InnerHtml = html;
        return body.QuerySelectorAll("img[src]").Select(i => Uri.UnescapeDataString(i.GetAttribute("src")!.Trim()));
    }

    private static string RelTime(ItemRevision item) =>
        (item.PublishAt ?? item.AcceptedAt).ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static void AddDisclosure(List<KeyValuePair<string, string>> fields, TrsWcmChannelOptions options, ItemRevision item, bool viewToo)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["IndexNumber"] = item.IndexNumber,
            ["Publisher"] = item.Publisher,
            ["DocumentNumber"] = item.DocumentNumber,
            ["WrittenOn"] = item.WrittenOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Topic"] = item.Disclosure.Topic,
            ["Genre"] = item.Disclosure.Genre,
            ["Validity"] = item.Disclosure.Validity,
            ["OpenMode"] = item.Disclosure.Mode,
            ["OpenScope"] = item.Disclosure.Scope,
            ["Keywords"] = Keywords(item),
        };
        foreach (var (ours, theirs) in Map(options))
        {
            if ((viewToo || !ViewOnly.Contains(ours)) && values.TryGetValue(ours, out var value))
            {
                Add(fields, theirs, value);
            }
        }
    }

    private static void AddReference(List<KeyValuePair<string, string>> fields, TrsWcmChannelOptions options, ItemRevision item)
    {
        if (!string.IsNullOrWhiteSpace(options.ReferenceField))
        {
            fields.Add(new(options.ReferenceField.Trim(), item.Id));
        }
    }

    private static string? Keywords(ItemRevision item) =>
        item.Disclosure.Keywords.Count == 0 ? null : string.Join(',', item.Disclosure.Keywords);

    private static void Add(List<KeyValuePair<string, string>> fields, string? name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(name) && !string.IsNullOrWhiteSpace(value))
        {
            fields.Add(new(name, value));
        }
    }
}
