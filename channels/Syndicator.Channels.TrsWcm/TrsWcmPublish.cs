using System.Globalization;
using Syndicator.Core.Channels;
using Syndicator.Core.Items;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.TrsWcm;

/// <summary>
/// One try of a publish or an update: upload the body's pictures and save the document in the channel's mode (create
/// once, across retries and crashes), then its attachments, then publish it and work out its page address. The
/// checkpoint records <c>step=create-sent</c> (with the column, revision and time) before a create leaves, then
/// <c>remoteId</c> and each step done (<c>saved</c>, <c>appendixes-saved</c>). A try that finds <c>create-sent</c>
/// without a <c>remoteId</c> looks the document up before creating anything (T5: by the time window, the title and our
/// marker in the body — no site column needed); a checkpoint handed on from an older revision brings the document
/// found to this revision first.
/// </summary>
internal sealed class TrsWcmPublish
{
    internal const string StepKey = "step";
    internal const string RemoteIdKey = "remoteId";
    internal const string ColumnKey = "column";
    internal const string RevisionKey = "revision";
    internal const string SentAtKey = "sentAt";
    internal const string CreateSent = "create-sent";
    internal const string Saved = "saved";
    internal const string AppendixesSaved = "appendixes-saved";

    /// <summary>Pages of <c>wcm61_viewdocument/query</c> reconciliation reads at most (newest first).</summary>
    internal const int MaxReconcilePages = 10;

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

        if (SettingsChecks.TryParseId(_context.Checkpoint[RemoteIdKey], out var saved))
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
    /// Finds the document an earlier, unanswered create made (T5): WCM's channel list as the UI reads it
    /// (<c>wcm61_viewdocument/query</c>, newest first), the documents created within
    /// <see cref="TrsWcmChannelOptions.ReconcileWindow"/> of the create, title matches first, each read with
    /// <c>findById</c> for our marker in the body (and the reference field, when one is configured and WCM answers it).
    /// More than one means someone copied it by hand: an operator must choose.
    /// </summary>
    internal async Task<(int? RemoteId, ChannelOutcome? Failure)> FindEarlierCreateAsync(int column, CancellationToken cancellationToken)
    {
        var sentAt = DateTimeOffset.TryParse(_context.Checkpoint[SentAtKey], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : _channel.Time.GetUtcNow();
        var window = _channel.Options.ReconcileWindow;
        var candidates = new List<(int Id, string Title)>();
        for (var page = 1; page <= MaxReconcilePages; page++)
        {
            var list = await _docs.ListAsync(column, page, cancellationToken);
            if (!list.Succeeded)
            {
                return (null, CouldNotReconcile(list, "wcm61_viewdocument/query"));
            }

            var rows = TrsWcmAnswer.Children(list.Root!, "VIEWDOCUMENT").ToList();
            var older = false;
            foreach (var row in rows)
            {
                var created = WcmTime(TrsWcmAnswer.Text(row, "CRTIME"));
                older |= created is { } c && c < sentAt - window;
                if (SettingsChecks.TryParseId(TrsWcmAnswer.Text(row, "DOCID"), out var id)
                    && (created is null || (created >= sentAt - window && created <= sentAt + window)))
                {
                    candidates.Add((id, TrsWcmAnswer.Text(row, "DOCTITLE") ?? ""));
                }
            }

            if (rows.Count < TrsWcmDocuments.PageSize || older)
            {
                break;
            }
        }

        var title = Item.TitleFor(_channel.Id);
        var ours = new List<int>();
        foreach (var (id, _) in candidates.Distinct().OrderBy(c => c.Title == title ? 0 : 1))
        {
            var found = await _docs.FindByIdAsync(column, id, cancellationToken);
            if (TrsWcmOutcomes.IsNotFound(found))
            {
                continue;
            }

            if (!found.Succeeded)
            {
                return (null, CouldNotReconcile(found, "wcm6_document/findById"));
            }

            var body = TrsWcmAnswer.Text(found.Root!, "DOCHTMLCON");
            var reference = _channel.Options.ReferenceField is { Length: > 0 } field ? TrsWcmAnswer.Text(found.Root!, field) : null;
            if (TrsWcmFields.HasMarker(body, Item.Id) && (string.IsNullOrEmpty(reference) || reference == Item.Id))
            {
                ours.Add(id);
            }
        }

        return ours.Count switch
        {
            0 => (null, null),
            1 => (ours[0], null),
            _ => (null, new ChannelOutcome.Unconfirmed(
                $"WCM channel {column} holds {ours.Count} documents of item {Item.Id} (ids {string.Join(", ", ours)}); delete all but one, then retry")),
        };
    }

    // The column an earlier try created in wins over today's catalogue: the document is where it was sent.
    private int? ColumnOf() =>
        SettingsChecks.TryParseId(_context.Checkpoint[ColumnKey], out var saved) ? saved : _channel.ColumnFor(_context);

    private static DateTimeOffset? WcmTime(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, TrsWcmFields.ChinaStandardTime)
            : null;

    private ChannelOutcome CouldNotReconcile(TrsWcmAnswer answer, string call)
    {
        TrsWcmOutcomes.LogFailure(_channel, answer, $"{call} (reconcile)");
        var failure = TrsWcmOutcomes.Failure(_channel, answer, $"{call} (reconcile)");

        // Never Rejected here: a delivery that fails for good while its create may have landed invites a second one.
        return failure is ChannelOutcome.Rejected r ? new ChannelOutcome.Transient($"could not reconcile an earlier create: {r.Reason}") { Code = r.Code } : failure;
    }

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

    /// <summary>
    /// Uploads the pictures the body shows (<c>TargetFlag=W0</c>) and answers the body as saved: pictures pointing at
    /// their uploads, in TRS's wrapper, with our marker (T3, T5).
    /// </summary>
    private async Task<(string? Body, ChannelOutcome? Failure)> BodyAsync(CancellationToken cancellationToken)
    {
        var uploaded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var image in TrsWcmFields.BodyImages(Item))
        {
            var upload = await _docs.UploadAsync(image, picture: true, cancellationToken);
            var showName = upload.Root is { } root ? TrsWcmAnswer.Text(root, "ShowName") : null;
            if (!upload.Succeeded || string.IsNullOrEmpty(showName))
            {
                TrsWcmOutcomes.LogFailure(_channel, upload, $"upload of picture {image.Name}");
                return (null, TrsWcmOutcomes.Failure(_channel, upload, $"upload of picture {image.Name}"));
            }

            uploaded[image.Name] = showName;
        }

        return (TrsWcmFields.Body(TrsWcmFields.RewriteImages(Item.BodyHtml, uploaded), Item.Id, _context.Delivery.Id), null);
    }

    private async Task<ChannelOutcome> CreateAsync(int column, CancellationToken cancellationToken)
    {
        var (body, failure) = await BodyAsync(cancellationToken);
        if (body is null)
        {
            return failure!;
        }

        await _context.SaveCheckpointAsync(
            _context.Checkpoint.With(StepKey, CreateSent).With(ColumnKey, TrsWcmFields.Id(column)).With(RevisionKey, Revision)
                .With(SentAtKey, _channel.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)),
            cancellationToken);

        Log.Creating(_channel.Logger, _channel.Id, Item.Id, column);
        var answer = await _docs.SaveAsync(Item, body, column, objectId: 0, cancellationToken);
        if (answer.Succeeded && SettingsChecks.TryParseId(TrsWcmDocuments.SavedId(answer), out var id))
        {
            Log.Created(_channel.Logger, _channel.Id, Item.Id, id);
            await SaveStepAsync(Saved, id, cancellationToken);
            return await FinishAsync(column, id, cancellationToken);
        }

        TrsWcmOutcomes.LogFailure(_channel, answer, $"{_docs.SaveCall} (create)");

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
            : TrsWcmOutcomes.Failure(_channel, answer, $"{_docs.SaveCall} (create)");
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
        var (body, failure) = await BodyAsync(cancellationToken);
        if (body is null)
        {
            return failure;
        }

        var answer = await _docs.SaveAsync(Item, body, column, id, cancellationToken);
        if (!answer.Succeeded)
        {
            TrsWcmOutcomes.LogFailure(_channel, answer, $"{_docs.SaveCall} (update)");
            return TrsWcmOutcomes.IsNotFound(answer)
                ? new ChannelOutcome.Rejected($"WCM has no document {id} in channel {column} ({answer.Message}): was it removed in WCM?") { Code = answer.Code }
                : TrsWcmOutcomes.Failure(_channel, answer, $"{_docs.SaveCall} (update)");
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
