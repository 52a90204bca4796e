using System.Globalization;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.Jcms;

/// <summary>
/// One try of a publish: add the article once, across retries and crashes. The checkpoint records
/// <c>step=add-sent</c> (with the column and revision) before the add leaves, and <c>remoteId</c>, <c>url</c> and
/// <c>step=added</c> once the portal replied. A try that finds <c>add-sent</c> without a <c>remoteId</c> first asks the
/// portal for an article carrying our item id (<c>sourceid</c>) and adds only when there is none. An article added for
/// an earlier revision (a checkpoint handed on) is then brought to this revision with an update.
/// </summary>
internal sealed class JcmsPublish
{
    internal const string StepKey = "step";
    internal const string RemoteIdKey = "remoteId";
    internal const string UrlKey = "url";
    internal const string ColumnKey = "column";
    internal const string RevisionKey = "revision";
    internal const string AddSent = "add-sent";
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

    private string Revision => _context.Item.Revision.ToString(CultureInfo.InvariantCulture);

    public async Task<ChannelOutcome> RunAsync(CancellationToken cancellationToken)
    {
        // The column an earlier try added to wins over today's catalogue: the article is where it was sent.
        var column = JcmsSettingsValidator.TryParseId(_context.Checkpoint[ColumnKey], out var sent) ? sent : _channel.ColumnFor(_context);
        if (column is null)
        {
            return _channel.BadColumn(_context);
        }

        if (_context.Checkpoint[RemoteIdKey] is { } remoteId)
        {
            return await FreshenAsync(column.Value, remoteId, null, cancellationToken);
        }

        return _context.Checkpoint[StepKey] == AddSent
            ? await ReconcileThenAddAsync(column.Value, cancellationToken)
            : await AddAsync(column.Value, cancellationToken);
    }

    /// <summary>The live article carrying our item id, if the portal has one; a failure when the portal cannot say.</summary>
    internal async Task<(JcmsFound? Found, ChannelOutcome? Failure)> FindEarlierAddAsync(CancellationToken cancellationToken)
    {
        var answer = await _api.QueryAsync(ItemId, column: null, cancellationToken);
        if (!answer.Succeeded)
        {
            JcmsConnector.LogFailure(_channel, answer, "query (reconcile)");

            // Never Rejected here: a delivery that fails for good while its add may have landed invites a second one.
            var failure = JcmsOutcomes.Failure(_channel, answer, "");
            return (null, failure is ChannelOutcome.AuthFailed
                ? failure
                : new ChannelOutcome.Transient($"could not reconcile an earlier add: {Reason(failure)}") { Code = answer.Code });
        }

        var found = answer.Reply!.Articles.FirstOrDefault(a => string.Equals(a.SourceId, ItemId, StringComparison.Ordinal));
        return (found, null);
    }

    private async Task<ChannelOutcome> ReconcileThenAddAsync(int column, CancellationToken cancellationToken)
    {
        var (found, failure) = await FindEarlierAddAsync(cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (found is null)
        {
            Log.ReconcileFoundNothing(_channel.Logger, _channel.Id, ItemId);
            return await AddAsync(column, cancellationToken);
        }

        Log.Reconciled(_channel.Logger, _channel.Id, ItemId, found.ArticleId);
        await SaveAddedAsync(found.ArticleId, found.Url, cancellationToken);
        return await FreshenAsync(column, found.ArticleId, JcmsReply.Success, cancellationToken);
    }

    private async Task<ChannelOutcome> AddAsync(int column, CancellationToken cancellationToken)
    {
        var article = JcmsXml.Article(_context.Item, _channel.Id, column, JcmsBody.Compose(_context.Item), _channel.Time.GetUtcNow());
        await _context.SaveCheckpointAsync(
            _context.Checkpoint.With(StepKey, AddSent).With(ColumnKey, column.ToString(CultureInfo.InvariantCulture)).With(RevisionKey, Revision),
            cancellationToken);

        Log.Adding(_channel.Logger, _channel.Id, ItemId, column);
        var answer = await _api.AddAsync(article, cancellationToken);
        if (answer.Succeeded && answer.Reply!.ArticleId is { } remoteId)
        {
            Log.Added(_channel.Logger, _channel.Id, ItemId, remoteId);
            await SaveAddedAsync(remoteId, answer.Reply.Url, cancellationToken);
            return new ChannelOutcome.Succeeded(remoteId, answer.Reply.Url) { Code = answer.Code };
        }

        JcmsConnector.LogFailure(_channel, answer, "add");

        // The add may have landed: the checkpoint stays at add-sent so the next try reconciles first.
        if ((!answer.Answered && !answer.NothingSent) || (answer.Response.IsSuccessStatusCode && answer.Reply is null) || answer.Succeeded)
        {
            var why = answer.Answered ? $"the portal answered {answer.Code} without an article id" : answer.ErrorText;
            return new ChannelOutcome.Transient($"outcome unknown, will reconcile: {why}") { Code = answer.Answered ? answer.Code : null };
        }

        return JcmsOutcomes.Failure(_channel, answer, $"the portal knows no column {column}");
    }

    private Task SaveAddedAsync(string remoteId, Uri? url, CancellationToken cancellationToken) =>
        _context.SaveCheckpointAsync(
            _context.Checkpoint.With(RemoteIdKey, remoteId).With(UrlKey, url?.AbsoluteUri).With(StepKey, Added),
            cancellationToken);

    /// <summary>An article added for an earlier revision still carries that revision's fields: update it before calling it live.</summary>
    private async Task<ChannelOutcome> FreshenAsync(int column, string remoteId, string? code, CancellationToken cancellationToken)
    {
        var url = Uri.TryCreate(_context.Checkpoint[UrlKey], UriKind.Absolute, out var saved) ? saved : null;
        if (_context.Checkpoint[RevisionKey] is { } sent && sent != Revision && JcmsSettingsValidator.TryParseId(remoteId, out var id))
        {
            var article = JcmsXml.Article(_context.Item, _channel.Id, column, JcmsBody.Compose(_context.Item), publishedAt: null);
            var answer = await _api.UpdateAsync(id, article, cancellationToken);
            if (!answer.Succeeded)
            {
                JcmsConnector.LogFailure(_channel, answer, "update (freshen)");
                return JcmsOutcomes.Failure(_channel, answer, $"the portal has no article {remoteId} any more");
            }

            url = answer.Reply!.Url ?? url;
            await _context.SaveCheckpointAsync(_context.Checkpoint.With(RevisionKey, Revision).With(UrlKey, url?.AbsoluteUri), cancellationToken);
            code = answer.Code;
        }

        return new ChannelOutcome.Succeeded(remoteId, url) { Code = code };
    }

    private static string Reason(ChannelOutcome outcome) => outcome switch
    {
        ChannelOutcome.Transient t => t.Reason,
        ChannelOutcome.Rejected r => r.Reason,
        _ => outcome.ToString(),
    };
}
