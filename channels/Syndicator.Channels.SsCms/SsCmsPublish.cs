using System.Globalization;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;

namespace Syndicator.Channels.SsCms;

/// <summary>
/// One try of a publish: create the content once, across retries and crashes. The checkpoint records
/// <c>step=create-sent</c> (and the column) before the create leaves, and <c>remoteId</c> with
/// <c>step=created</c> once SSCMS answered. A try that finds <c>create-sent</c> without a <c>remoteId</c> looks the
/// content up (title, then our marker in the body) before creating anything. The checkpoint also records the
/// title and revision the create carried: a checkpoint handed on from a superseded revision (see IDeliveryStore)
/// is reconciled by the title that was sent, and the content found is then updated to this revision. The recorded URL
/// is the one SSCMS reports as <c>navigationUrl</c> (S7), saved as <c>url</c> once read.
/// </summary>
internal sealed class SsCmsPublish
{
    internal const string StepKey = "step";
    internal const string RemoteIdKey = "remoteId";
    internal const string ColumnKey = "column";
    internal const string TitleKey = "title";
    internal const string RevisionKey = "revision";
    internal const string UrlKey = "url";
    internal const string CreateSent = "create-sent";
    internal const string Created = "created";

    /// <summary>How many same-titled contents reconciliation reads; more than a handful means a title reused on purpose.</summary>
    private const int ReconcilePageSize = 50;

    private readonly SsCmsChannel _channel;
    private readonly SsCmsApi _api;
    private readonly DeliveryContext _context;
    private SsCmsContentFields? _fields;

    public SsCmsPublish(SsCmsChannel channel, SsCmsApi api, DeliveryContext context)
    {
        _channel = channel;
        _api = api;
        _context = context;
    }

    private string ItemId => _context.Item.Id;

    // Composed on first use: a try that finds the content already created never needs the (large) body.
    private SsCmsContentFields Fields => _fields ??= _channel.FieldsFor(_context.Item);

    public async Task<ChannelOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var checkpoint = _context.Checkpoint;
        if (ColumnOf(checkpoint) is not { } column)
        {
            return _channel.BadColumn(_context);
        }

        if (checkpoint[RemoteIdKey] is { } remoteId)
        {
            return await FreshenAsync(column, remoteId, null, cancellationToken);
        }

        return checkpoint[StepKey] == CreateSent
            ? await ReconcileThenCreateAsync(column, cancellationToken)
            : await CreateAsync(column, cancellationToken);
    }

    // The column an earlier try created in wins over today's catalogue: the content is where it was sent.
    private int? ColumnOf(Checkpoint checkpoint) =>
        SettingsChecks.TryParseId(checkpoint[ColumnKey], out var saved) ? saved : _channel.ColumnFor(_context);

    private async Task<ChannelOutcome> ReconcileThenCreateAsync(int column, CancellationToken cancellationToken)
    {
        var (found, failure) = await FindEarlierCreateAsync(column, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (found is null)
        {
            Log.ReconcileFoundNothing(_channel.Logger, _channel.Id, ItemId);
            return await CreateAsync(column, cancellationToken);
        }

        Log.Reconciled(_channel.Logger, _channel.Id, ItemId, found);
        await _context.SaveCheckpointAsync(_context.Checkpoint.With(RemoteIdKey, found).With(StepKey, Created), cancellationToken);
        return await FreshenAsync(column, found, "200", cancellationToken);
    }

    private async Task<ChannelOutcome> CreateAsync(int column, CancellationToken cancellationToken)
    {
        var columnText = column.ToString(CultureInfo.InvariantCulture);
        var revision = _context.Item.Revision.ToString(CultureInfo.InvariantCulture);
        await _context.SaveCheckpointAsync(
            _context.Checkpoint.With(StepKey, CreateSent).With(ColumnKey, columnText).With(TitleKey, Fields.Title).With(RevisionKey, revision),
            cancellationToken);

        Log.Creating(_channel.Logger, _channel.Id, ItemId, column);
        var answer = await _api.CreateAsync(column, Fields, cancellationToken);
        if (answer.Succeeded && answer.Data!.Id > 0)
        {
            var remoteId = answer.Data.Id.ToString(CultureInfo.InvariantCulture);
            Log.Created(_channel.Logger, _channel.Id, ItemId, remoteId);
            return await RecordCreatedAsync(column, remoteId, answer.Code, cancellationToken);
        }

        SsCmsConnector.LogFailure(_channel, answer, "create");

        // The create may have landed: the checkpoint stays at create-sent so the next try reconciles first.
        if ((!answer.Answered && !answer.NothingSent) || answer.Response.IsSuccessStatusCode)
        {
            var why = answer.Answered ? $"SSCMS answered {answer.Code} without a content id" : answer.ErrorText;
            return new ChannelOutcome.Transient($"outcome unknown, will reconcile: {why}") { Code = answer.Answered ? answer.Code : null };
        }

        return SsCmsOutcomes.Failure(answer, _channel.NotFoundOnCreate(column), _channel, column, _context.Delivery);
    }

    private async Task<ChannelOutcome> RecordCreatedAsync(int column, string remoteId, string? code, CancellationToken cancellationToken)
    {
        await _context.SaveCheckpointAsync(_context.Checkpoint.With(RemoteIdKey, remoteId).With(StepKey, Created), cancellationToken);
        return await FinishAsync(column, remoteId, code, cancellationToken);
    }

    /// <summary>
    /// The content is there: read its page address as SSCMS reports it (S7) — once; a later try takes it from the
    /// checkpoint. A failed read leaves the delivery to try again (the content is not created twice: the checkpoint holds
    /// its id).
    /// </summary>
    private async Task<ChannelOutcome> FinishAsync(int column, string remoteId, string? code, CancellationToken cancellationToken)
    {
        if (_context.Checkpoint[UrlKey] is { } saved && Uri.TryCreate(saved, UriKind.Absolute, out var savedUrl))
        {
            return new ChannelOutcome.Succeeded(remoteId, savedUrl) { Code = code, Note = _channel.MediaNote(_context.Item) };
        }

        var (outcome, url) = await SsCmsPages.LocateAsync(_channel, _api, column, remoteId, _context, code, cancellationToken);
        if (url is not null)
        {
            await _context.SaveCheckpointAsync(_context.Checkpoint.With(UrlKey, url.AbsoluteUri), cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// A content created for an earlier revision (its checkpoint was handed on) still carries that revision's fields:
    /// bring it to this revision before calling it live.
    /// </summary>
    private async Task<ChannelOutcome> FreshenAsync(int column, string remoteId, string? code, CancellationToken cancellationToken)
    {
        var revision = _context.Item.Revision.ToString(CultureInfo.InvariantCulture);
        if (_context.Checkpoint[RevisionKey] is { } sent && sent != revision && SettingsChecks.TryParseId(remoteId, out var id))
        {
            // S5: an update through an SSCMS older than 7.3.1 wipes the fields it does not send.
            if (await SsCmsVersionCheck.RefuseUpdateAsync(_channel, _api, column, remoteId, _context.Item, cancellationToken) is { } refused)
            {
                return refused;
            }

            var answer = await _api.UpdateAsync(column, id, Fields, cancellationToken);
            if (!answer.Succeeded)
            {
                SsCmsConnector.LogFailure(_channel, answer, "update (freshen)");
                return SsCmsOutcomes.Failure(answer, _channel.NotFoundOnUpdate(column, remoteId), _channel, column, _context.Delivery);
            }

            await _context.SaveCheckpointAsync(_context.Checkpoint.With(RevisionKey, revision), cancellationToken);
            code = answer.Code;
        }

        return await FinishAsync(column, remoteId, code, cancellationToken);
    }

    /// <summary>
    /// Finds the content an earlier, unanswered create made: the title it sent (this revision's when the checkpoint
    /// does not say), our marker in the body.
    /// </summary>
    internal async Task<(string? RemoteId, ChannelOutcome? Failure)> FindEarlierCreateAsync(int column, CancellationToken cancellationToken)
    {
        var title = _context.Checkpoint[TitleKey] ?? Fields.Title;
        var list = await _api.ListAsync(column, ReconcilePageSize, title, cancellationToken);
        if (!list.Succeeded)
        {
            SsCmsConnector.LogFailure(_channel, list, "list (reconcile)");
            return (null, ReconcileFailure(list, column));
        }

        foreach (var content in list.Data!.Contents ?? [])
        {
            var body = content.Body ?? (await _api.GetAsync(column, content.Id, cancellationToken)).Data?.Body;
            if (SsCmsBody.HasMarker(body, ItemId))
            {
                return (content.Id.ToString(CultureInfo.InvariantCulture), null);
            }
        }

        return (null, null);
    }

    // Never Rejected here: a delivery that fails permanently while its create may have landed invites a second one.
    private ChannelOutcome ReconcileFailure(SsCmsAnswer<SsCmsContentList> list, int column) =>
        list.StatusCode == System.Net.HttpStatusCode.Unauthorized
            ? new ChannelOutcome.AuthFailed(SsCmsOutcomes.Unauthorized(_channel, column)) { Code = list.Code }
            : new ChannelOutcome.Transient(
                $"could not reconcile an earlier create: {(list.Answered ? $"SSCMS answered {list.Code}: {list.Message}" : list.ErrorText)}")
            {
                Code = list.Answered ? list.Code : null,
            };
}
