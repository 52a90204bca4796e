using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Syndicator.Sandbox.Approval;

/// <summary>
/// The <c>center.do</c> methods the emulator knows (reference §1.5). Each runs under the emulator's gate and answers
/// a result document or a fault naming the parameter at fault.
/// </summary>
internal sealed partial class ApprovalMethods(ApprovalEmulator approval, PostData call, string siteOrigin)
{
    private const int MaxTitleLength = 200;

    private ApprovalStore Store => approval.Store;

    public IResult Invoke() => (call.Service?.ToLowerInvariant(), call.Method?.ToLowerInvariant()) switch
    {
        ("wcm6_document", "save") => Save(),
        ("wcm6_document", "findbyid") => FindDocument(),
        ("wcm61_viewdocument", "query") => Query(),
        ("wcm6_document", "delete") => Delete(),
        ("wcm6_document", "saveappendixes") => SaveAppendixes(),
        ("wcm6_metadatacenter", "savemetaviewdata") => SaveMetaViewData(),
        ("wcm6_publish", "directpublish") => DirectPublish(),
        ("wcm6_channel", "findbyid") => FindChannel(),
        (null, _) => Bad("serviceid", "missing: name the service in the method element's text or the serviceid query parameter"),
        (_, null) => Bad("methodname", "missing: name the method in the method element's type attribute or the methodname query parameter"),
        _ => WcmReply.Fault(approval, WcmReply.ServiceNotFound, $"服务[{call.Service}.{call.Method}]不存在", "known: wcm6_document save|findById|delete|saveAppendixes, wcm61_viewdocument query, wcm6_MetaDataCenter savemetaviewdata, wcm6_publish directPublish, wcm6_channel findById"),
    };

    private IResult Bad(string name, string problem) => WcmReply.BadParameter(approval, name, problem);

    private IResult NotFound(string what) => WcmReply.Fault(approval, WcmReply.ObjectNotFound, $"{what}不存在");

    /// <summary>Reads a required id parameter: <paramref name="min"/> or more.</summary>
    private (int Id, IResult? Error) RequireId(string name, int min = 1)
    {
        var value = call[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return (0, Bad(name, $"required (an integer, {min} or more)"));
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= min
            ? (id, null)
            : (0, Bad(name, $"must be an integer, {min} or more; got '{value}'"));
    }

    private IResult FindChannel()
    {
        var (id, error) = RequireId("ObjectId");
        if (error is not null)
        {
            return error;
        }

        return ApprovalSite.Channels.TryGetValue(id, out var name)
            ? WcmReply.Xml(new XElement("CHANNEL", new XElement("CHANNELID", id), new XElement("CHNLNAME", name), new XElement("SITEID", ApprovalSite.SiteId)))
            : NotFound($"栏目[ChannelId={id}]");
    }

    private IResult FindDocument()
    {
        var (id, error) = RequireId("ObjectId");
        if (error is not null)
        {
            return error;
        }

        return Store.Get(id) is { Deleted: false } document ? WcmReply.Xml(Describe(document, "DOCUMENT", withBody: true)) : NotFound($"文档[ObjectId={id}]");
    }

    /// <summary>
    /// <c>wcm61_viewdocument/query</c> (T5: the query the UI uses; <c>wcm6_document/query</c> is a stub in TRS's client
    /// and not served): one channel's documents outside the recycle bin, newest first, <c>PageSize</c> (default 20) per
    /// <c>CurrPage</c> (from 1) → <c>VIEWDOCUMENTS</c> with the total in <c>NUM</c>.
    /// </summary>
    private IResult Query()
    {
        var (channelId, error) = RequireId("ChannelId");
        if (error is not null)
        {
            return error;
        }

        if (!ApprovalSite.Channels.ContainsKey(channelId))
        {
            return NotFound($"栏目[ChannelId={channelId}]");
        }

        var size = call["PageSize"] is null ? (20, null) : RequireId("PageSize");
        var page = call["CurrPage"] is null ? (1, null) : RequireId("CurrPage");
        if ((size.Item2 ?? page.Item2) is { } bad)
        {
            return bad;
        }

        var all = Store.All().Where(d => !d.Deleted && d.ChannelId == channelId).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).ToList();
        var found = all.Skip((page.Item1 - 1) * size.Item1).Take(size.Item1);
        return WcmReply.Xml(new XElement("VIEWDOCUMENTS", new XElement("NUM", all.Count), found.Select(d => Describe(d, "VIEWDOCUMENT", withBody: false))));
    }

    /// <summary>
    /// A document as TRS's client reads one [S23]: DOCID, DOCTITLE, DOCSTATUS, DOCCHANNEL, CRTIME, OPERTIME, DOCPUBTIME,
    /// DocHtmlCon (in <c>DOCUMENT</c>), the fields saved with it. <c>DOCPUBURL</c> only when the settings say so (T7).
    /// </summary>
    private XElement Describe(ApprovalDocument document, string name, bool withBody)
    {
        var element = new XElement(
            name,
            new XElement("DOCID", document.Id),
            new XElement("DOCTITLE", document.Title),
            new XElement("DOCSTATUS", new XElement("ID", document.Status)),
            new XElement("DOCCHANNEL", new XElement("ID", document.ChannelId)),
            new XElement("CRTIME", ApprovalSite.Time(document.CreatedAt)),
            new XElement("OPERTIME", ApprovalSite.Time(document.UpdatedAt)),
            new XElement("DOCPUBTIME", document.PublishedAt is { } at ? ApprovalSite.Time(at) : ""));
        if (withBody)
        {
            element.Add(new XElement("DOCHTMLCON", document.Body));
            foreach (var (field, value) in document.Fields.Where(f => f.Key.All(char.IsAsciiLetterOrDigit) && !Has(element, f.Key)))
            {
                element.Add(new XElement(field.ToUpperInvariant(), value));
            }
        }

        if (approval.Settings.ReturnDocPubUrl)
        {
            element.Add(new XElement("DOCPUBURL", document.HasPage ? siteOrigin + document.PagePath : ""));
        }

        return element;
    }

    private static bool Has(XElement element, string name) =>
        element.Elements().Any(e => string.Equals(e.Name.LocalName, name, StringComparison.OrdinalIgnoreCase));
}
