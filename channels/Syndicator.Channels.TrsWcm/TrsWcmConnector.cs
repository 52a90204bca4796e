using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Core.Tracking;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.TrsWcm;

/// <summary>Publishes, updates and withdraws items as documents of one WCM channel (栏目).</summary>
internal sealed class TrsWcmConnector : IChannelConnector, IChannelVerifier
{
    private readonly TrsWcmChannel _channel;

    public TrsWcmConnector(TrsWcmChannel channel) => _channel = channel;

    public async Task<ChannelOutcome> ExecuteAsync(DeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var docs = _channel.Open();
        var publish = new TrsWcmPublish(_channel, docs, context);
        return context.Operation switch
        {
            DeliveryOperation.Publish => await publish.RunAsync(knownId: null, cancellationToken),
            DeliveryOperation.Update => await UpdateAsync(publish, context, cancellationToken),
            DeliveryOperation.Withdraw => await WithdrawAsync(docs, publish, context, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(context), context.Operation, "Unknown operation."),
        };
    }

    public Task<ChannelHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        new TrsWcmHealthCheck(_channel).RunAsync(cancellationToken);

    /// <summary>
    /// With a body selector (<c>Channels:&lt;id&gt;:Page</c>), reads the article's page (the URL this channel returned)
    /// and compares it with the body as sent. Without one, asks WCM (<c>wcm6_document/findById</c>): the title and the
    /// body as stored (our wrapper and marker aside), so no page layout is assumed.
    /// </summary>
    public async Task<LiveCheck?> VerifyAsync(Placement placement, ItemRevision item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(item);
        var page = _channel.Options.Page;
        if (page.HasBody && placement.Url is { IsAbsoluteUri: true } url)
        {
            return await page.ToPublicPage().CheckAsync(_channel.PageHttp(), url, item.TitleFor(_channel.Id), item.BodyHtml, cancellationToken);
        }

        if (!SettingsChecks.TryParseId(placement.RemoteId, out var id))
        {
            return null;
        }

        var docs = _channel.Open();
        var found = await docs.FindByIdAsync(_channel.Options.ChannelId, id, cancellationToken);
        if (TrsWcmOutcomes.IsNotFound(found))
        {
            return new LiveCheck(LiveStatus.Missing, null, null, $"WCM has no document {id} ({found.Message})");
        }

        if (!found.Succeeded)
        {
            return new LiveCheck(LiveStatus.Unreachable, null, null, $"WCM did not answer findById of document {id}: {(found.Answered ? found.Message : found.ErrorText)}");
        }

        var root = found.Root!;
        var title = TrsWcmAnswer.Text(root, "DOCTITLE") ?? "";
        var body = TrsWcmAnswer.Text(root, "DOCHTMLCON") ?? "";
        var check = LiveComparison.Compare(title, body, item.TitleFor(_channel.Id), item.BodyHtml);
        var status = TrsWcmAnswer.Text(root, "DOCSTATUS") is { } s && s.Trim() != "10" ? $"; DOCSTATUS {s} (not 10 已发)" : "";
        return check with { Detail = $"{check.Detail} (WCM findById{status})" };
    }

    private static Task<ChannelOutcome> UpdateAsync(TrsWcmPublish publish, DeliveryContext context, CancellationToken cancellationToken)
    {
        var remoteId = context.Live?.RemoteId ?? context.Delivery.RemoteId;
        return SettingsChecks.TryParseId(remoteId, out var id)
            ? publish.RunAsync(id, cancellationToken)
            : Task.FromResult<ChannelOutcome>(new ChannelOutcome.Rejected($"No WCM document id to update (live remote id: '{remoteId}')"));
    }

    private async Task<ChannelOutcome> WithdrawAsync(TrsWcmDocuments docs, TrsWcmPublish publish, DeliveryContext context, CancellationToken cancellationToken)
    {
        var column = SettingsChecks.TryParseId(context.Checkpoint[TrsWcmPublish.ColumnKey], out var sent) ? sent : _channel.ColumnFor(context);
        if (column is null)
        {
            return _channel.BadColumn(context);
        }

        var (target, failure) = await WithdrawTargetAsync(publish, context, column.Value, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (target is not { } id)
        {
            // Nothing of the item is live here and no create of it can have landed: the withdrawal is already true.
            return new ChannelOutcome.Succeeded(context.Delivery.RemoteId ?? "", null);
        }

        var answer = await docs.DeleteAsync(column.Value, id, cancellationToken);
        if (TrsWcmOutcomes.IsNotFound(answer))
        {
            Log.AlreadyGone(_channel.Logger, _channel.Id, context.Item.Id, id);
            return new ChannelOutcome.Succeeded(TrsWcmFields.Id(id), null) { Code = answer.Code };
        }

        if (!answer.Succeeded)
        {
            TrsWcmOutcomes.LogFailure(_channel, answer, "delete");
            return TrsWcmOutcomes.Failure(_channel, answer, "delete");
        }

        Log.Withdrawn(_channel.Logger, _channel.Id, context.Item.Id, id);
        return new ChannelOutcome.Succeeded(TrsWcmFields.Id(id), null);
    }

    /// <summary>
    /// What to delete: the live document, else one a superseded publish created or may have created (its checkpoint
    /// was handed on to this withdraw), looked up by our reference.
    /// </summary>
    private static async Task<(int? Id, ChannelOutcome? Failure)> WithdrawTargetAsync(
        TrsWcmPublish publish, DeliveryContext context, int column, CancellationToken cancellationToken)
    {
        if (context.Live is not null)
        {
            return SettingsChecks.TryParseId(context.Live.RemoteId, out var live)
                ? (live, null)
                : (null, new ChannelOutcome.Rejected($"The live remote id '{context.Live.RemoteId}' is not a WCM document id"));
        }

        if (SettingsChecks.TryParseId(context.Checkpoint[TrsWcmPublish.RemoteIdKey], out var created))
        {
            return (created, null);
        }

        return context.Checkpoint[TrsWcmPublish.StepKey] == TrsWcmPublish.CreateSent
            ? await publish.FindEarlierCreateAsync(column, cancellationToken)
            : (null, null);
    }
}
