using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Core.Tracking;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.SsCms;

/// <summary>Publishes, updates and withdraws items as contents of one SSCMS channel (栏目).</summary>
internal sealed class SsCmsConnector : IChannelConnector, IChannelVerifier
{
    /// <summary>An SSCMS content page: the title in <c>h1</c>, the body as stored in the template's body element.</summary>
    internal static readonly PublicPage Page = new("h1", "div.body");

    private readonly SsCmsChannel _channel;

    public SsCmsConnector(SsCmsChannel channel) => _channel = channel;

    public async Task<ChannelOutcome> ExecuteAsync(DeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var api = _channel.OpenApi();
        return context.Operation switch
        {
            DeliveryOperation.Publish => await new SsCmsPublish(_channel, api, context).RunAsync(cancellationToken),
            DeliveryOperation.Update => await UpdateAsync(api, context, cancellationToken),
            DeliveryOperation.Withdraw => await WithdrawAsync(api, context, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(context), context.Operation, "Unknown operation."),
        };
    }

    public Task<ChannelHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        new SsCmsHealthCheck(_channel).RunAsync(cancellationToken);

    /// <summary>Reads the content's page (the URL this channel returned) and compares it with the body as sent.</summary>
    public async Task<LiveCheck?> VerifyAsync(Placement placement, ItemRevision item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(item);
        return placement.Url is { IsAbsoluteUri: true } url
            ? await Page.CheckAsync(_channel.Http(), url, item.TitleFor(_channel.Id), SsCmsBody.Compose(item), cancellationToken)
            : null;
    }

    // Update sends the whole field set again, so resending it after an unknown outcome is harmless.
    private async Task<ChannelOutcome> UpdateAsync(SsCmsApi api, DeliveryContext context, CancellationToken cancellationToken)
    {
        var remoteId = context.Live?.RemoteId ?? context.Delivery.RemoteId;
        if (!SsCmsSettingsValidator.TryParseId(remoteId, out var id))
        {
            return new ChannelOutcome.Rejected($"No SSCMS content id to update (live remote id: '{remoteId}')");
        }

        if (_channel.ColumnFor(context.Item.Category) is not { } column)
        {
            return SsCmsChannel.BadColumn(_channel.Id, context.Item.Category);
        }

        var answer = await api.UpdateAsync(column, id, _channel.FieldsFor(context.Item), cancellationToken);
        if (!answer.Succeeded)
        {
            return Fail(answer, "update", _channel.NotFoundOnUpdate(column, remoteId!));
        }

        Log.Updated(_channel.Logger, _channel.Id, context.Item.Id, remoteId!);
        return new ChannelOutcome.Succeeded(remoteId!, _channel.PageUrl(column, remoteId!)) { Code = answer.Code };
    }

    private async Task<ChannelOutcome> WithdrawAsync(SsCmsApi api, DeliveryContext context, CancellationToken cancellationToken)
    {
        if (_channel.ColumnFor(context.Item.Category) is not { } column)
        {
            return SsCmsChannel.BadColumn(_channel.Id, context.Item.Category);
        }

        var (remoteId, failure) = await WithdrawTargetAsync(api, context, column, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (remoteId is null)
        {
            // Nothing of the item is live here and no create of it can have landed: the withdrawal is already true.
            return new ChannelOutcome.Succeeded(context.Delivery.RemoteId ?? "", null);
        }

        if (!SsCmsSettingsValidator.TryParseId(remoteId, out var id))
        {
            return new ChannelOutcome.Rejected($"The live remote id '{remoteId}' is not an SSCMS content id");
        }

        var answer = await api.DeleteAsync(column, id, cancellationToken);
        if (answer.IsNotFound)
        {
            Log.AlreadyGone(_channel.Logger, _channel.Id, context.Item.Id, remoteId);
            return new ChannelOutcome.Succeeded(remoteId, null) { Code = answer.Code };
        }

        // A 200 on delete is a soft delete (the recycle bin); a second delete answers 200 again.
        if (!answer.Answered || !answer.Response.IsSuccessStatusCode)
        {
            return Fail(answer, "delete", _channel.NotFoundOnUpdate(column, remoteId));
        }

        Log.Withdrawn(_channel.Logger, _channel.Id, context.Item.Id, remoteId);
        return new ChannelOutcome.Succeeded(remoteId, null) { Code = answer.Code };
    }

    /// <summary>
    /// What to delete: the live content, else one a superseded publish created or may have created (its checkpoint
    /// was handed on to this withdraw), looked up by our marker.
    /// </summary>
    private async Task<(string? RemoteId, ChannelOutcome? Failure)> WithdrawTargetAsync(
        SsCmsApi api, DeliveryContext context, int column, CancellationToken cancellationToken)
    {
        if (context.Live is not null)
        {
            return (context.Live.RemoteId, null);
        }

        if (context.Checkpoint[SsCmsPublish.RemoteIdKey] is { } created)
        {
            return (created, null);
        }

        return context.Checkpoint[SsCmsPublish.StepKey] == SsCmsPublish.CreateSent
            ? await new SsCmsPublish(_channel, api, context).FindEarlierCreateAsync(
                SsCmsSettingsValidator.TryParseId(context.Checkpoint[SsCmsPublish.ColumnKey], out var sent) ? sent : column, cancellationToken)
            : (null, null);
    }

    private ChannelOutcome Fail<T>(SsCmsAnswer<T> answer, string call, string notFound)
        where T : class
    {
        LogFailure(_channel, answer, call);
        return SsCmsOutcomes.Failure(answer, notFound, _channel.Time);
    }

    internal static void LogFailure<T>(SsCmsChannel channel, SsCmsAnswer<T> answer, string call)
        where T : class
    {
        if (answer.Answered)
        {
            Log.CallRefused(channel.Logger, channel.Id, call, (int)answer.StatusCode, answer.Message);
        }
        else
        {
            Log.CallFailed(channel.Logger, channel.Id, call, !answer.NothingSent, answer.ErrorText);
        }
    }
}
