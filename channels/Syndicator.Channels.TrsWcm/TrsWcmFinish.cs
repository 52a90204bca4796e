using Syndicator.Core.Channels;
using Syndicator.Core.Items;

namespace Syndicator.Channels.TrsWcm;

/// <summary>
/// The steps after a document is saved, each safe to repeat and each recorded when done: the attachments
/// (uploaded, then listed with <c>saveAppendixes</c>), the metadata view, then publish and the page address.
/// </summary>
internal sealed class TrsWcmFinish
{
    private readonly TrsWcmChannel _channel;
    private readonly TrsWcmDocuments _docs;
    private readonly DeliveryContext _context;
    private readonly Func<string, int, CancellationToken, Task> _saveStep;

    public TrsWcmFinish(TrsWcmChannel channel, TrsWcmDocuments docs, DeliveryContext context, Func<string, int, CancellationToken, Task> saveStep)
    {
        _channel = channel;
        _docs = docs;
        _context = context;
        _saveStep = saveStep;
    }

    private ItemRevision Item => _context.Item;

    public async Task<ChannelOutcome> RunAsync(int column, int id, CancellationToken cancellationToken)
    {
        var step = _context.Checkpoint[TrsWcmPublish.StepKey];
        if (step == TrsWcmPublish.Saved)
        {
            if (await SaveAppendixesAsync(id, cancellationToken) is { } failure)
            {
                return failure;
            }

            await _saveStep(TrsWcmPublish.AppendixesSaved, id, cancellationToken);
            step = TrsWcmPublish.AppendixesSaved;
        }

        if (step == TrsWcmPublish.AppendixesSaved)
        {
            var metadata = await _docs.SaveMetadataAsync(Item, column, id, cancellationToken);
            if (!metadata.Succeeded)
            {
                return Fail(metadata, "savemetaviewdata");
            }

            await _saveStep(TrsWcmPublish.MetadataSaved, id, cancellationToken);
        }

        return await PublishAsync(column, id, cancellationToken);
    }

    /// <summary>Uploads every attachment and lists them all on the document (an item without any still clears the list).</summary>
    private async Task<ChannelOutcome?> SaveAppendixesAsync(int id, CancellationToken cancellationToken)
    {
        var uploaded = new List<(string ShowName, MediaFile File)>();
        foreach (var file in Item.Attachments)
        {
            var upload = await _docs.UploadAsync(file, cancellationToken);
            var showName = upload.Root is { } root ? TrsWcmAnswer.Text(root, "ShowName") : null;
            if (!upload.Succeeded || string.IsNullOrEmpty(showName))
            {
                return Fail(upload, $"upload of {file.Name}");
            }

            uploaded.Add((showName, file));
        }

        var answer = await _docs.SaveAppendixesAsync(id, uploaded, cancellationToken);
        return answer.Succeeded ? null : Fail(answer, "saveAppendixes");
    }

    private async Task<ChannelOutcome> PublishAsync(int column, int id, CancellationToken cancellationToken)
    {
        var publish = await _docs.PublishAsync(id, cancellationToken);
        if (!publish.Succeeded)
        {
            return Fail(publish, "directPublish");
        }

        if (string.Equals(TrsWcmAnswer.Text(publish.Root!, "IS_SUCCESS"), "false", StringComparison.OrdinalIgnoreCase))
        {
            var title = TrsWcmAnswer.Text(publish.Root!, "TITLE") ?? "(no report)";
            return new ChannelOutcome.Rejected($"WCM could not publish document {id}: {title}");
        }

        var found = await _docs.FindByIdAsync(column, id, cancellationToken);
        if (!found.Succeeded)
        {
            return Fail(found, "findById");
        }

        Log.Published(_channel.Logger, _channel.Id, Item.Id, id);
        var url = TrsWcmAnswer.Text(found.Root!, "DOCPUBURL");
        return new ChannelOutcome.Succeeded(TrsWcmFields.Id(id), Uri.TryCreate(url, UriKind.Absolute, out var page) ? page : null);
    }

    private ChannelOutcome Fail(TrsWcmAnswer answer, string call)
    {
        TrsWcmOutcomes.LogFailure(_channel, answer, call);
        return TrsWcmOutcomes.Failure(_channel, answer, call);
    }
}
