using Syndicator.Core.Items;

namespace Syndicator.Channels.TrsWcm;

/// <summary>The WCM calls of one operation, each through the channel's session (one re-login on expiry).</summary>
internal sealed class TrsWcmDocuments : IDisposable
{
    private readonly TrsWcmChannel _channel;
    private readonly TrsWcmApi _api;

    public TrsWcmDocuments(TrsWcmChannel channel, TrsWcmApi api)
    {
        _channel = channel;
        _api = api;
    }

    /// <summary><c>wcm6_document/save</c>: <c>ObjectId</c> 0 creates (never repeated), an existing id updates.</summary>
    public Task<TrsWcmAnswer> SaveAsync(ItemRevision item, int column, int objectId, CancellationToken cancellationToken) =>
        CallAsync("wcm6_document", "save", TrsWcmFields.Document(_channel.Id, item, column, objectId), objectId > 0, cancellationToken);

    /// <summary><c>wcm6_document/query</c> of one channel, filtered by our reference field → <c>VIEWDOCUMENTS</c>.</summary>
    public Task<TrsWcmAnswer> FindByReferenceAsync(int column, string itemId, CancellationToken cancellationToken) =>
        CallAsync("wcm6_document", "query", [new("ChannelId", TrsWcmFields.Id(column)), new(TrsWcmFields.ReferenceField, itemId)], true, cancellationToken);

    /// <summary><c>wcm6_document/findById</c> → <c>DOCUMENT</c> (with <c>DOCPUBURL</c> once published).</summary>
    public Task<TrsWcmAnswer> FindByIdAsync(int column, int documentId, CancellationToken cancellationToken) =>
        CallAsync("wcm6_document", "findById", [new("ObjectId", TrsWcmFields.Id(documentId)), new("ChannelId", TrsWcmFields.Id(column))], true, cancellationToken);

    /// <summary><c>wcm6_document/delete</c> with <c>Drop=false</c>: to the recycle bin, off the site.</summary>
    public Task<TrsWcmAnswer> DeleteAsync(int column, int documentId, CancellationToken cancellationToken) =>
        CallAsync("wcm6_document", "delete", [new("ObjectIds", TrsWcmFields.Id(documentId)), new("ChannelId", TrsWcmFields.Id(column)), new("Drop", "false")], true, cancellationToken);

    /// <summary><c>wcm6_MetaDataCenter/savemetaviewdata</c> for the document: the disclosure fields, set again in full.</summary>
    public Task<TrsWcmAnswer> SaveMetadataAsync(ItemRevision item, int column, int documentId, CancellationToken cancellationToken) =>
        CallAsync("wcm6_MetaDataCenter", "savemetaviewdata", TrsWcmFields.Metadata(item, column, _channel.Options.ViewId, documentId), true, cancellationToken);

    /// <summary><c>wcm6_publish/directPublish</c> of the document (ObjectType 605) → <c>REPORTS</c>.</summary>
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

    public Task<TrsWcmAnswer> UploadAsync(MediaFile file, CancellationToken cancellationToken) =>
        _channel.Session.CallAsync(_api, "upload", session => _api.UploadAsync(TrsWcmFields.Extension(file), file.Content, session, cancellationToken), cancellationToken);

    public void Dispose() => _api.Dispose();

    private Task<TrsWcmAnswer> CallAsync(string service, string method, IReadOnlyList<KeyValuePair<string, string>> parameters, bool idempotent, CancellationToken cancellationToken)
    {
        var call = new TrsWcmCall(service, method, parameters, idempotent);
        return _channel.Session.CallAsync(_api, $"{service}/{method}", session => _api.CallAsync(call, session, cancellationToken), cancellationToken);
    }
}
