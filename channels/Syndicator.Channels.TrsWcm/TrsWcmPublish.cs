using System.Globalization;
using Syndicator.Core.Channels;
using Syndicator.Core.Items;

namespace Syndicator.Channels.TrsWcm;

/// <summary>
/// One try of a publish or an update: save the document (create once, across retries and crashes), then its
/// attachments, its disclosure metadata, then publish it and read its page address. The checkpoint records
/// <c>step=create-sent</c> (with the column and revision) before a create leaves, then <c>remoteId</c> and each step
/// done (<c>saved</c>, <c>appendixes-saved</c>, <c>metadata-saved</c>). A try that finds <c>create-sent</c> without a
/// <c>remoteId</c> looks the document up by our reference (<c>ISPUSH</c> = item id) before creating anything; a
/// checkpoint handed on from an older revision brings the document found to this revision first.
/// </summary>
internal sealed class TrsWcmPublish
{
    internal const string StepKey = "step";
    internal const string RemoteIdKey = "remoteId";
    internal const string ColumnKey = "column";
    internal const string RevisionKey = "revision";
    internal const string CreateSent = "create-sent";
    internal const string Saved = "saved";
    internal const string AppendixesSaved = "appendixes-saved";
    internal const string MetadataSaved = "metadata-saved";

    private readonly TrsWcmChannel _channel;
    private readonly TrsWcmDocuments _docs;
    private readonly DeliveryContext _context;

    public TrsWcmPublish(TrsWcmChannel channel, TrsWcmDocuments docs, DeliveryContext context)
    {
        _channel = channel;
        _docs = docs;
        _context = context;
    }

    private ItemRevision Item => _context.Item;

    private string Revision => Item.Revision.ToString(CultureInfo.InvariantCulture);

    /// <param name="knownId">The live document to update; null for a publish.</param>
    /// <param name="cancellationToken">Ends the try.</param>
    public async Task<ChannelOutcome> RunAsync(int? knownId, CancellationToken cancellationToken)
    {
        if (ColumnOf() is not { } column)
        {
            return _channel.BadColumn(_context);
        }

        if (TrsWcmSettingsValidator.TryParseId(_context.Checkpoint[RemoteIdKey], out var saved))
        {
            return await FreshenThenFinishAsync(column, saved, cancellationToken);
        }

        if (knownId is { } id)
        {
            return await SaveExistingAsync(column, id, cancellationToken) ?? await FinishAsync(column, id, cancellationToken);
        }

        return _context.Checkpoint[StepKey] == CreateSent
            ? await ReconcileThenCreateAsync(column, cancellationToken)
            : await CreateAsync(column, cancellationToken);
    }

    /// <summary>
    /// Finds the document an earlier, unanswered create made, by our reference. More than one means someone
    /// copied it by hand: an operator must choose.
    /// </summary>
    internal async Task<(int? RemoteId, ChannelOutcome? Failure)> FindEarlierCreateAsync(int column, CancellationToken cancellationToken)
    {
        var answer = await _docs.FindByReferenceAsync(column, Item.Id, cancellationToken);
        if (!answer.Succeeded)
        {
            TrsWcmOutcomes.LogFailure(_channel, answer, "query (reconcile)");
            var failure = TrsWcmOutcomes.Failure(_channel, answer, "query (reconcile)");

            // Never Rejected here: a delivery that fails for good while its create may have landed invites a second one.
            return (null, failure is ChannelOutcome.Rejected r ? new ChannelOutcome.Transient($"could not reconcile an earlier create: {r.Reason}") { Code = r.Code } : failure);
        }

        var ids = TrsWcmAnswer.Children(answer.Root!, "VIEWDOCUMENT")
            .Select(d => TrsWcmAnswer.Text(d, "DOCID"))
            .Select(t => TrsWcmSettingsValidator.TryParseId(t, out var id) ? id : 0)
            .Where(id => id > 0)
            .Distinct()
            .ToList();
        return ids.Count switch
        {
            0 => (null, null),
            1 => (ids[0], null),
            _ => (null, new ChannelOutcome.Unconfirmed(
                $"WCM channel {column} holds {ids.Count} documents of item {Item.Id} (ids {string.Join(", ", ids)}); delete all but one, then retry")),
        };
    }

    // The column an earlier try created in wins over today's catalogue: the document is where it was sent.
    private int? ColumnOf() =>
        TrsWcmSettingsValidator.TryParseId(_context.Checkpoint[ColumnKey], out var saved) ? saved : _channel.ColumnFor(_context);

    private async Task<ChannelOutcome> ReconcileThenCreateAsync(int column, CancellationToken cancellationToken)
    {
        var (found, failure) = await FindEarlierCreateAsync(column, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (found is not { } id)
        {
            Log.ReconcileFoundNothing(_channel.Logger, _channel.Id, Item.Id);
            return await CreateAsync(column, cancellationToken);
        }

        Log.Reconciled(_channel.Logger, _channel.Id, Item.Id, id);
        await SaveStepAsync(Saved, id, _context.Checkpoint[RevisionKey], cancellationToken);
        return await FreshenThenFinishAsync(column, id, cancellationToken);
    }

    private async Task<ChannelOutcome> CreateAsync(int column, CancellationToken cancellationToken)
    {
        await _context.SaveCheckpointAsync(
            _context.Checkpoint.With(StepKey, CreateSent).With(ColumnKey, TrsWcmFields.Id(column)).With(RevisionKey, Revision),
            cancellationToken);

        Log.Creating(_channel.Logger, _channel.Id, Item.Id, column);
        var answer = await _docs.SaveAsync(Item, column, objectId: 0, cancellationToken);
        if (answer.Succeeded && TrsWcmSettingsValidator.TryParseId(answer.ResultText, out var id))
        {
            Log.Created(_channel.Logger, _channel.Id, Item.Id, id);
            await SaveStepAsync(Saved, id, cancellationToken);
            return await FinishAsync(column, id, cancellationToken);
        }

        TrsWcmOutcomes.LogFailure(_channel, answer, "save (create)");

        // The create may have landed: the checkpoint stays at create-sent so the next try reconciles first.
        if ((!answer.Answered && !answer.NothingSent) || answer.Succeeded)
        {
            var why = answer.Answered ? $"WCM answered without a document id ({answer.Message})" : answer.ErrorText;
            return new ChannelOutcome.Transient($"outcome unknown, will reconcile: {why}") { Code = answer.Answered ? answer.Code : null };
        }

        return TrsWcmOutcomes.IsNotFound(answer)
            ? new ChannelOutcome.Rejected(
                $"WCM knows no channel {column} ({answer.Message}): check Channels:{_channel.Id}:ChannelId or the category's Catalogue ChannelColumns:{_channel.Id}")
            { Code = answer.Code }
            : TrsWcmOutcomes.Failure(_channel, answer, "save (create)");
    }

    /// <summary>A document saved for an earlier revision (its checkpoint was handed on) is brought to this one first.</summary>
    private async Task<ChannelOutcome> FreshenThenFinishAsync(int column, int id, CancellationToken cancellationToken)
    {
        if (_context.Checkpoint[RevisionKey] is { } sent && sent != Revision && await SaveExistingAsync(column, id, cancellationToken) is { } failure)
        {
            return failure;
        }

        return await FinishAsync(column, id, cancellationToken);
    }

    /// <summary>Saves the item into document <paramref name="id"/> (safe to repeat); null when that worked.</summary>
    private async Task<ChannelOutcome?> SaveExistingAsync(int column, int id, CancellationToken cancellationToken)
    {
        var answer = await _docs.SaveAsync(Item, column, id, cancellationToken);
        if (!answer.Succeeded)
        {
            TrsWcmOutcomes.LogFailure(_channel, answer, "save (update)");
            return TrsWcmOutcomes.IsNotFound(answer)
                ? new ChannelOutcome.Rejected($"WCM has no document {id} in channel {column} ({answer.Message}): was it removed in WCM?") { Code = answer.Code }
                : TrsWcmOutcomes.Failure(_channel, answer, "save (update)");
        }

        await SaveStepAsync(Saved, id, cancellationToken);
        return null;
    }

    private Task<ChannelOutcome> FinishAsync(int column, int id, CancellationToken cancellationToken) =>
        new TrsWcmFinish(_channel, _docs, _context, SaveStepAsync).RunAsync(column, id, cancellationToken);

    private Task SaveStepAsync(string step, int id, CancellationToken cancellationToken) =>
        SaveStepAsync(step, id, Revision, cancellationToken);

    private Task SaveStepAsync(string step, int id, string? revision, CancellationToken cancellationToken) =>
        _context.SaveCheckpointAsync(
            _context.Checkpoint.With(StepKey, step).With(RemoteIdKey, TrsWcmFields.Id(id)).With(RevisionKey, revision),
            cancellationToken);
}
