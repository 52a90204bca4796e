using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Core.Tracking;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.Jcms;

/// <summary>Publishes, updates and withdraws items as articles of the portal, through its XML receive interface.</summary>
internal sealed class JcmsConnector : IChannelConnector, IChannelVerifier
{
    /// <summary>A portal article page: the title in <c>h1</c> (below the catalogue table), the 正文 in the body element.</summary>
    internal static readonly PublicPage Page = new("h1", "div.body");

    private readonly JcmsChannel _channel;

    public JcmsConnector(JcmsChannel channel) => _channel = channel;

    public async Task<ChannelOutcome> ExecuteAsync(DeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var api = _channel.OpenApi();
        return context.Operation switch
        {
            DeliveryOperation.Publish => await new JcmsPublish(_channel, api, context).RunAsync(cancellationToken),
            DeliveryOperation.Update => await UpdateAsync(api, context, cancellationToken),
            DeliveryOperation.Withdraw => await WithdrawAsync(api, context, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(context), context.Operation, "Unknown operation."),
        };
    }

    public Task<ChannelHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        new JcmsHealthCheck(_channel).RunAsync(cancellationToken);

    /// <summary>Reads the article's page (the URL this channel returned) and compares it with the body as sent.</summary>
    public async Task<LiveCheck?> VerifyAsync(Placement placement, ItemRevision item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(item);
        return placement.Url is { IsAbsoluteUri: true } url
            ? await Page.CheckAsync(_channel.Http(), url, item.TitleFor(_channel.Id), JcmsBody.Compose(item), cancellationToken)
            : null;
    }

    internal static void LogFailure(JcmsChannel channel, JcmsAnswer answer, string call)
    {
        if (answer.Answered)
        {
            Log.CallRefused(channel.Logger, channel.Id, call, answer.Code!, answer.Message);
        }
        else
        {
            Log.CallFailed(channel.Logger, channel.Id, call, channel.LoggedEndpoint, !answer.NothingSent, answer.ErrorText);
        }
    }

    // Update sends every field again (the dates excepted, which the portal keeps), so resending it is harmless.
    private async Task<ChannelOutcome> UpdateAsync(JcmsApi api, DeliveryContext context, CancellationToken cancellationToken)
    {
        var remoteId = context.Live?.RemoteId ?? context.Delivery.RemoteId;
        if (!JcmsSettingsValidator.TryParseId(remoteId, out var id))
        {
            return new ChannelOutcome.Rejected($"No portal article id to update (live remote id: '{remoteId}')");
        }

        if (_channel.ColumnFor(context) is not { } column)
        {
            return _channel.BadColumn(context);
        }

        var article = JcmsXml.Article(context.Item, _channel.Id, column, JcmsBody.Compose(context.Item), publishedAt: null);
        var answer = await api.UpdateAsync(id, article, cancellationToken);
        if (!answer.Succeeded)
        {
            LogFailure(_channel, answer, "update");
            return JcmsOutcomes.Failure(_channel, answer, $"the portal has no article {remoteId}: was it deleted in the portal? Republish the item");
        }

        Log.Updated(_channel.Logger, _channel.Id, context.Item.Id, remoteId!);
        return new ChannelOutcome.Succeeded(remoteId!, answer.Reply!.Url ?? context.Live?.Url) { Code = answer.Code };
    }

    private async Task<ChannelOutcome> WithdrawAsync(JcmsApi api, DeliveryContext context, CancellationToken cancellationToken)
    {
        var (remoteId, failure) = await WithdrawTargetAsync(api, context, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (remoteId is null)
        {
            // Nothing of the item is live here and no add of it can have landed: the withdrawal is already true.
            return new ChannelOutcome.Succeeded(context.Delivery.RemoteId ?? "", null);
        }

        if (!JcmsSettingsValidator.TryParseId(remoteId, out var id))
        {
            return new ChannelOutcome.Rejected($"The live remote id '{remoteId}' is not a portal article id");
        }

        var answer = await api.DeleteAsync(id, cancellationToken);
        if (answer.Reply?.ErrorCode == JcmsOutcomes.NoSuchArticle)
        {
            Log.AlreadyGone(_channel.Logger, _channel.Id, context.Item.Id, remoteId);
            return new ChannelOutcome.Succeeded(remoteId, null) { Code = answer.Code };
        }

        if (!answer.Succeeded)
        {
            LogFailure(_channel, answer, "delete");
            return JcmsOutcomes.Failure(_channel, answer, "");
        }

        Log.Withdrawn(_channel.Logger, _channel.Id, context.Item.Id, remoteId);
        return new ChannelOutcome.Succeeded(remoteId, null) { Code = answer.Code };
    }

    /// <summary>
    /// What to delete: the live article, else one a superseded publish added or may have added (its checkpoint was
    /// handed on to this withdraw), looked up by our item id.
    /// </summary>
    private async Task<(string? RemoteId, ChannelOutcome? Failure)> WithdrawTargetAsync(JcmsApi api, DeliveryContext context, CancellationToken cancellationToken)
    {
        if (context.Live is not null)
        {
            return (context.Live.RemoteId, null);
        }

        if (context.Checkpoint[JcmsPublish.RemoteIdKey] is { } added)
        {
            return (added, null);
        }

        if (context.Checkpoint[JcmsPublish.StepKey] != JcmsPublish.AddSent)
        {
            return (null, null);
        }

        var (found, failure) = await new JcmsPublish(_channel, api, context).FindEarlierAddAsync(cancellationToken);
        return (found?.ArticleId, failure);
    }
}
