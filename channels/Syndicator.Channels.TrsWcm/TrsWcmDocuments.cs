using Syndicator.Core.Items;

namespace Syndicator.Channels.TrsWcm;

/// <summary>The WCM calls of one operation, each through the channel's shared session (one re-login on expiry).</summary>
internal sealed class TrsWcmDocuments
{
    /// <summary>Rows per page of <c>wcm61_viewdocument/query</c>.</summary>
    public const int PageSize = 20;

    private readonly TrsWcmChannel _channel;
    private readonly TrsWcmApi _api;

    public TrsWcmDocuments(TrsWcmChannel channel, TrsWcmApi api)
    {
        _channel = channel;
        _api = api;
    }

    private TrsWcmChannelOptions Options => _channel.Options;

    private bool MetaView => string.Equals(Options.Mode, TrsWcmChannelOptions.MetaViewMode, StringComparison.OrdinalIgnoreCase);

    /// <summary>The save call of the channel's mode (T4), for messages.</summary>
    public string SaveCall => MetaView ? "wcm6_MetaDataCenter/savemetaviewdata" : "wcm6_document/save";

    /// <summary>
    /// Saves the item: <c>wcm6_document/save</c> in document mode, <c>wcm6_MetaDataCenter/savemetaviewdata</c> in metaview
    /// mode (T4). <c>ObjectId</c> 0 creates (never repeated), an existing id updates.
    /// </summary>
    public Task<TrsWcmAnswer> SaveAsync(ItemRevision item, string body, int column, int objectId, CancellationToken cancellationToken) =>
        MetaView
            ? CallAsync("wcm6_MetaDataCenter", "savemetaviewdata", TrsWcmFields.MetaView(Options, _channel.Id, item, body, column, objectId), objectId > 0, cancellationToken)
            : CallAsync("wcm6_document", "save", TrsWcmFields.Document(Options, _channel.Id, item, body, column, objectId), objectId > 0, cancellationToken);

    /// <summary>The document id a save answered: <c>result</c> (document mode) or <c>METAVIEWDATA.METADATAID</c> (metaview, T4).</summary>
    public static string? SavedId(TrsWcmAnswer answer) =>
        answer.ResultText ?? (answer.Root is { } root && TrsWcmAnswer.Named(root, "METAVIEWDATA") ? TrsWcmAnswer.Text(root, "METADATAID") : null);

    /// <summary>
    /// <c>wcm61_viewdocument/query</c> of one channel, newest first, one page (T5: the query the UI uses;
    /// <c>DocumentMgr.query</c> is a stub in TRS's client) → <c>VIEWDOCUMENTS</c>.
    /// </summary>
    public Task<TrsWcmAnswer> ListAsync(int column, int page, CancellationToken cancellationToken) =>
        CallAsync(
            "wcm61_viewdocument",
            "query",
            [new("ChannelId", TrsWcmFields.Id(column)), new("PageSize", TrsWcmFields.Id(PageSize)), new("CurrPage", TrsWcmFields.Id(page)), new("OrderBy", "crtime desc")],
            true,
            cancellationToken);

    /// <summary><c>wcm6_document/findById</c> → <c>DOCUMENT</c>.</summary>
    public Task<TrsWcmAnswer> FindByIdAsync(int column, int documentId, CancellationToken cancellationToken) =>
        CallAsync("wcm6_document", "findById", [new("ObjectId", TrsWcmFields.Id(documentId)), new("ChannelId", TrsWcmFields.Id(column))], true, cancellationToken);

    /// <summary><c>wcm6_document/delete</c> with <c>Drop=false</c>: to the recycle bin, off the site.</summary>
    public Task<TrsWcmAnswer> DeleteAsync(int column, int documentId, CancellationToken cancellationToken) =>
        CallAsync("wcm6_document", "delete", [new("ObjectIds", TrsWcmFields.Id(documentId)), new("ChannelId", TrsWcmFields.Id(column)), new("Drop", "false")], true, cancellationToken);

    /// <summary><c>wcm6_publish/directPublish</c> of the document (<c>ObjectIds</c>, ObjectType 605, T7) → <c>REPORTS</c>.</summary>
    public Task<TrsWcmAnswer> PublishAsync(int documentId, CancellationToken cancellationToken) =>
        CallAsync("wcm6_publish", "directPublish", [new("ObjectIds", TrsWcmFields.Id(documentId)), new("ObjectType", "605")], true, cancellationToken);

    /// <summary><c>wcm6_channel/findById</c>: a cheap read that proves the session and the channel.</summary>
    public Task<TrsWcmAnswer> FindChannelAsync(int column, CancellationToken cancellationToken) =>
        CallAsync("wcm6_channel", "findById", [new("ObjectId", TrsWcmFields.Id(column))], true, cancellationToken);

    /// <summary>
    /// <c>wcm6_document/saveAppendixes</c> with the document's whole list of file attachments (AppendixType 10), which
    /// replaces the list it had, so sending it again changes nothing.
    /// </summary>
    public Task<TrsWcmAnswer> SaveAppendixesAsync(int documentId, IReadOnlyList<(string ShowName, MediaFile File)> uploaded, CancellationToken cancellationToken) =>
        CallAsync(
            "wcm6_document",
            "saveAppendixes",
            [new("DocId", TrsWcmFields.Id(documentId)), new("AppendixType", "10"), new("AppendixesXML", TrsWcmFields.Appendixes(uploaded))],
            true,
            cancellationToken);

    /// <summary>Uploads a file: <c>TargetFlag</c> <c>W0</c> for a body picture, <c>U0</c> for an attachment (T3).</summary>
    public Task<TrsWcmAnswer> UploadAsync(MediaFile file, bool picture, CancellationToken cancellationToken) =>
        _channel.Session.CallAsync(
            _api, "upload", session => _api.UploadAsync(TrsWcmFields.Extension(file), picture ? "W0" : "U0", file.Content, session, cancellationToken), cancellationToken);

    private Task<TrsWcmAnswer> CallAsync(string service, string method, IReadOnlyList<KeyValuePair<string, string>> parameters, bool idempotent, CancellationToken cancellationToken)
    {
        var call = new TrsWcmCall(service, method, parameters, idempotent);
        return _channel.Session.CallAsync(_api, $"{service}/{method}", session => _api.CallAsync(call, session, cancellationToken), cancellationToken);
    }
}
