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
    /// <summary>The site field integrators keep their own id in (reference §1.7 [S11]); shown as the article's sourceId.</summary>
    public const string ReferenceField = "ISPUSH";

    private const int MaxTitleLength = 200;

    private ApprovalStore Store => approval.Store;

    public IResult Invoke() => (call.Service?.ToLowerInvariant(), call.Method?.ToLowerInvariant()) switch
    {
        ("wcm6_document", "save") => Save(),
        ("wcm6_document", "findbyid") => FindDocument(),
        ("wcm6_document", "query") => Query(),
        ("wcm6_document", "delete") => Delete(),
        ("wcm6_document", "saveappendixes") => SaveAppendixes(),
        ("wcm6_metadatacenter", "savemetaviewdata") => SaveMetaViewData(),
        ("wcm6_publish", "directpublish") => DirectPublish(),
        ("wcm6_channel", "findbyid") => FindChannel(),
        (null, _) => Bad("serviceid", "missing: name the service in the method element's text or the serviceid query parameter"),
        (_, null) => Bad("methodname", "missing: name the method in the method element's type attribute or the methodname query parameter"),
        _ => WcmReply.Fault(approval, WcmReply.ServiceNotFound, $"服务[{call.Service}.{call.Method}]不存在", "known: wcm6_document save|findById|query|delete|saveAppendixes, wcm6_MetaDataCenter savemetaviewdata, wcm6_publish directPublish, wcm6_channel findById"),
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

        return Store.Get(id) is { Deleted: false } document ? WcmReply.Xml(Describe(document, "DOCUMENT")) : NotFound($"文档[ObjectId={id}]");
    }

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

        // Every other parameter filters on a stored field of that name (the connector's reference field, say).
        var filters = call.Parameters.Where(p => !string.Equals(p.Key, "ChannelId", StringComparison.OrdinalIgnoreCase)).ToList();
        var found = Store.All()
            .Where(d => !d.Deleted && d.ChannelId == channelId)
            .Where(d => filters.All(f => d.Fields.TryGetValue(f.Key, out var v) && v == f.Value))
            .ToList();
        return WcmReply.Xml(new XElement("VIEWDOCUMENTS", new XElement("NUM", found.Count), found.Select(d => Describe(d, "VIEWDOCUMENT"))));
    }

    private XElement Describe(ApprovalDocument document, string name) => new(
        name,
        new XElement("DOCID", document.Id),
        new XElement("DOCTITLE", document.Title),
        new XElement("DOCSTATUS", new XElement("ID", document.Status)),
        new XElement("DOCCHANNEL", new XElement("ID", document.ChannelId)),
        new XElement("CRTIME", ApprovalSite.Time(document.CreatedAt)),
        new XElement("OPERTIME", ApprovalSite.Time(document.UpdatedAt)),
        new XElement(ReferenceField, document.Fields.GetValueOrDefault(ReferenceField) ?? ""),
        new XElement("DOCPUBURL", document.HasPage ? siteOrigin + document.PagePath : ""));
}
