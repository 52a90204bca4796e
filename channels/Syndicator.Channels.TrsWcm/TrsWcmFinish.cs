using System.Globalization;
using Syndicator.Core.Channels;
using Syndicator.Core.Items;

namespace Syndicator.Channels.TrsWcm;

/// <summary>
/// The steps after a document is saved, each safe to repeat and each recorded when done: the attachments (uploaded
/// with <c>TargetFlag=U0</c>, then listed with <c>saveAppendixes</c>), then publish and the page address (T7).
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
        if (_context.Checkpoint[TrsWcmPublish.StepKey] == TrsWcmPublish.Saved)
        {
            if (await SaveAppendixesAsync(id, cancellationToken) is { } failure)
            {
                return failure;
            }

            await _saveStep(TrsWcmPublish.AppendixesSaved, id, cancellationToken);
        }

        return await PublishAsync(column, id, cancellationToken);
    }

    /// <summary>
    /// The page address (T7): WCM's <c>DOCPUBURL</c> when the document answers one, else
    /// <see cref="TrsWcmChannelOptions.PageUrlRule"/> filled in from the id, the channel and the publish date
    /// (<c>DOCPUBTIME</c>, China time; now when WCM gives none), else none.
    /// </summary>
    internal static Uri? PageUrl(TrsWcmChannelOptions options, string? docPubUrl, string? docPubTime, int column, int id, DateTimeOffset now)
    {
        if (Uri.TryCreate(docPubUrl, UriKind.Absolute, out var reported))
        {
            return reported;
        }

        if (string.IsNullOrWhiteSpace(options.PageUrlRule))
        {
            return null;
        }

        var published = DateTime.TryParseExact(docPubTime, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? local
            : now.ToOffset(TrsWcmFields.ChinaStandardTime).DateTime;
        var url = options.PageUrlRule
            .Replace("{docId}", TrsWcmFields.Id(id), StringComparison.Ordinal)
            .Replace("{channelId}", TrsWcmFields.Id(column), StringComparison.Ordinal)
            .Replace("{yyyyMMdd}", published.ToString("yyyyMMdd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{yyyyMM}", published.ToString("yyyyMM", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return Uri.TryCreate(url, UriKind.Absolute, out var page) ? page : null;
    }

    /// <summary>Uploads every attachment and lists them all on the document (an item without any still clears the list).</summary>
    private async Task<ChannelOutcome?> SaveAppendixesAsync(int id, CancellationToken cancellationToken)
    {
        var uploaded = new List<(string ShowName, MediaFile File)>();
        foreach (var file in Item.Attachments)
        {
            var upload = await _docs.UploadAsync(file, picture: false, cancellationToken);
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
            return Fail(publish, "wcm6_publish/directPublish");
        }

        if (!string.Equals(TrsWcmAnswer.Text(publish.Root!, "IS_SUCCESS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            var title = TrsWcmAnswer.Text(publish.Root!, "TITLE") ?? "(no report)";
            var reports = string.Join("; ", TrsWcmAnswer.Children(publish.Root!, "REPORT").Select(r => TrsWcmAnswer.Text(r, "TITLE")).OfType<string>());
            return new ChannelOutcome.Rejected($"WCM could not publish document {id}: IS_SUCCESS={TrsWcmAnswer.Text(publish.Root!, "IS_SUCCESS")}; {title} {reports}".TrimEnd());
        }

        var found = await _docs.FindByIdAsync(column, id, cancellationToken);
        if (!found.Succeeded)
        {
            return Fail(found, "wcm6_document/findById");
        }

        Log.Published(_channel.Logger, _channel.Id, Item.Id, id);
        var url = PageUrl(
            _channel.Options, TrsWcmAnswer.Text(found.Root!, "DOCPUBURL"), TrsWcmAnswer.Text(found.Root!, "DOCPUBTIME"), column, id, _channel.Time.GetUtcNow());
        return new ChannelOutcome.Succeeded(TrsWcmFields.Id(id), url);
    }

    private ChannelOutcome Fail(TrsWcmAnswer answer, string call)
    {
        TrsWcmOutcomes.LogFailure(_channel, answer, call);
        return TrsWcmOutcomes.Failure(_channel, answer, call);
    }
}
