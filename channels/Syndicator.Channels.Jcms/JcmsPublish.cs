using System.Globalization;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.Jcms;

/// <summary>
/// One try of a publish: add the article once, across retries and crashes. The checkpoint records
/// <c>step=add-sent</c> (with the column and revision) before the add leaves, and <c>remoteId</c>, <c>url</c> and
/// <c>step=added</c> once the portal's answer was read as a success. A try that finds <c>add-sent</c> without a
/// <c>remoteId</c> looks for the article (<see cref="JcmsReconcile"/>) and adds only when it is certainly not there;
/// where the portal cannot tell, the outcome is Unconfirmed. An answered failure marks <c>step=add-failed</c>.
/// </summary>
internal sealed class JcmsPublish
{
    internal const string StepKey = "step";
    internal const string RemoteIdKey = "remoteId";
    internal const string UrlKey = "url";
    internal const string ColumnKey = "column";
    internal const string RevisionKey = "revision";
    internal const string AddSent = "add-sent";
    internal const string AddFailed = "add-failed";
    internal const string Added = "added";

    private readonly JcmsChannel _channel;
    private readonly JcmsApi _api;
    private readonly DeliveryContext _context;

    public JcmsPublish(JcmsChannel channel, JcmsApi api, DeliveryContext context)
    {
        _channel = channel;
        _api = api;
        _context = context;
    }

    private string ItemId => _context.Item.Id;

    private string Title => _context.Item.TitleFor(_channel.Id);

    private string Revision => _context.Item.Revision.ToString(CultureInfo.InvariantCulture);

    public async Task<ChannelOutcome> RunAsync(CancellationToken cancellationToken)
    {
        // The column an earlier try added to wins over today's catalogue: the article is where it was sent.
        var column = int.TryParse(_context.Checkpoint[ColumnKey], NumberStyles.None, CultureInfo.InvariantCulture, out var sent) && sent > 0
            ? sent
            : _channel.ColumnFor(_context);
        if (column is null)
        {
            return _channel.BadColumn(_context);
        }

        if (_context.Checkpoint[RemoteIdKey] is { } remoteId)
        {
            return await FreshenAsync(column.Value, remoteId, null, cancellationToken);
        }

        return _context.Checkpoint[StepKey] == AddSent
            ? await ReconcileThenAddAsync(column.Value, "the answer was lost (a crash or a dropped connection)", cancellationToken)
            : await AddAsync(column.Value, cancellationToken);
    }

    private async Task<ChannelOutcome> ReconcileThenAddAsync(int column, string why, CancellationToken cancellationToken)
    {
        var (found, outcome) = await new JcmsReconcile(_channel, _api, _context).FindAsync(column, Title, why, cancellationToken);
        if (outcome is not null)
        {
            return outcome;
        }

        if (found is null)
        {
            Log.ReconcileFoundNothing(_channel.Logger, _channel.Id, ItemId);
            return await AddAsync(column, cancellationToken);
        }

        Log.Reconciled(_channel.Logger, _channel.Id, ItemId, found.ArticleId);
        await SaveAddedAsync(found.ArticleId, found.Url, cancellationToken);
        return await FreshenAsync(column, found.ArticleId, null, cancellationToken);
    }

    private async Task<ChannelOutcome> AddAsync(int column, CancellationToken cancellationToken)
    {
        var article = _channel.Xml.Article(_context.Item, column, JcmsBody.Compose(_context.Item), _channel.Time.GetUtcNow());
        await _context.SaveCheckpointAsync(
            _context.Checkpoint.With(StepKey, AddSent).With(ColumnKey, column.ToString(CultureInfo.InvariantCulture)).With(RevisionKey, Revision),
            cancellationToken);

        Log.Adding(_channel.Logger, _channel.Id, ItemId, column);
        var answer = await _api.AddAsync(article, cancellationToken);
        if (answer.Succeeded)
        {
            var remoteId = answer.ArticleId ?? "";
            Log.Added(_channel.Logger, _channel.Id, ItemId, remoteId);
            await SaveAddedAsync(remoteId, answer.Url, cancellationToken);
            return new ChannelOutcome.Succeeded(remoteId, answer.Url)
            {
                Code = answer.Code,
                Note = answer.ArticleId is null
                    ? $"the portal's answer named no article id ({_channel.Key("Reply:Id")}): its updates and withdrawal go to the back office by title"
                    : null,
            };
        }

        JcmsConnector.LogFailure(_channel, answer, "add");
        var what = $"the add of «{Title}» to column {column}";
        if (answer.Reading == JcmsReading.Unreadable)
        {
            // The checkpoint stays at add-sent: a retry an operator asks for looks before it adds.
            return JcmsOutcomes.Unreadable(_channel, answer, what);
        }

        if (!answer.Answered && !answer.NothingSent)
        {
            // The add may have landed: the checkpoint stays at add-sent so the next try looks first.
            return JcmsReconcile.Possible(_channel)
                ? new ChannelOutcome.Transient($"outcome unknown, will reconcile: {answer.ErrorText}")
                : await ReconcileThenAddAsync(column, $"no answer came ({answer.ErrorText})", cancellationToken);
        }

        // The portal answered and did not add (or nothing left): the next try adds without looking.
        await _context.SaveCheckpointAsync(_context.Checkpoint.With(StepKey, AddFailed), cancellationToken);
        return JcmsOutcomes.Failure(_channel, answer, what, _context.Delivery);
    }

    private Task SaveAddedAsync(string remoteId, Uri? url, CancellationToken cancellationToken) =>
        _context.SaveCheckpointAsync(
            _context.Checkpoint.With(RemoteIdKey, remoteId).With(UrlKey, url?.AbsoluteUri).With(StepKey, Added),
            cancellationToken);

    /// <summary>An article added for an earlier revision still carries that revision's fields: update it (or hand it off) before calling it live.</summary>
    private async Task<ChannelOutcome> FreshenAsync(int column, string remoteId, string? code, CancellationToken cancellationToken)
    {
        var url = Uri.TryCreate(_context.Checkpoint[UrlKey], UriKind.Absolute, out var saved) ? saved : null;
        if (_context.Checkpoint[RevisionKey] is not { } sent || sent == Revision)
        {
            return new ChannelOutcome.Succeeded(remoteId, url) { Code = code };
        }

        if (!_channel.Options.SupportsUpdate || remoteId.Length == 0)
        {
            return new ChannelOutcome.HandedOff(JcmsConnector.UpdateInstructions(_channel, _context, remoteId, url, column));
        }

        var article = _channel.Xml.Article(_context.Item, column, JcmsBody.Compose(_context.Item), publishedAt: null, articleId: remoteId);
        var answer = await _api.UpdateAsync(article, cancellationToken);
        if (!answer.Succeeded)
        {
            JcmsConnector.LogFailure(_channel, answer, "update (freshen)");
            return JcmsOutcomes.Failure(_channel, answer, $"the update of article {remoteId}", _context.Delivery);
        }

        url = answer.Url ?? url;
        await _context.SaveCheckpointAsync(_context.Checkpoint.With(RevisionKey, Revision).With(UrlKey, url?.AbsoluteUri), cancellationToken);
        return new ChannelOutcome.Succeeded(remoteId, url) { Code = answer.Code };
    }
}
