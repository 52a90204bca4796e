using System.Globalization;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Core.Tracking;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.Jcms;

/// <summary>
/// Publishes items as articles of the portal through its XML receive interface; updates and withdraws them there where
/// the portal supports it (<c>SupportsUpdate</c>, <c>SupportsWithdraw</c>), else hands them to its back office.
/// </summary>
internal sealed class JcmsConnector : IChannelConnector, IChannelVerifier
{
    private readonly JcmsChannel _channel;

    public JcmsConnector(JcmsChannel channel) => _channel = channel;

    public async Task<ChannelOutcome> ExecuteAsync(DeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var api = _channel.Api;
        return context.Operation switch
        {
            DeliveryOperation.Publish => await new JcmsPublish(_channel, api, context).RunAsync(cancellationToken),
            DeliveryOperation.Update => await UpdateAsync(api, context, cancellationToken),
            DeliveryOperation.Withdraw => await WithdrawAsync(api, context, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(context), context.Operation, "Unknown operation."),
        };
    }

    public Task<ChannelHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        HealthProbe.RunAsync(_channel.Id, _channel.Time, _channel.Logger, new JcmsHealthCheck(_channel).ProbeAsync, cancellationToken);

    /// <summary>Reads the article's page (the URL this channel recorded) with the channel's page selectors (<c>Page</c>).</summary>
    public async Task<LiveCheck?> VerifyAsync(Placement placement, ItemRevision item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(item);
        return placement.Url is { IsAbsoluteUri: true } url
            ? await _channel.Page.CheckAsync(_channel.PageHttp(), url, item.TitleFor(_channel.Id), JcmsBody.Compose(item), cancellationToken)
            : null;
    }

    internal static void LogFailure(JcmsChannel channel, JcmsAnswer answer, string call)
    {
        if (answer.Answered)
        {
            Log.CallRefused(channel.Logger, channel.Id, call, answer.Code!, answer.Excerpt);
        }
        else
        {
            Log.CallFailed(channel.Logger, channel.Id, call, channel.LoggedEndpoint, !answer.NothingSent, answer.ErrorText);
        }
    }

    /// <summary>What an operator does in the portal's back office when the interface cannot update.</summary>
    internal static string UpdateInstructions(JcmsChannel channel, DeliveryContext context, string remoteId, Uri? url, int? column)
    {
        var item = context.Item;
        return $"在门户后台修改文章 Update the article by hand in the portal's back office: the receive interface does not update articles here " +
            $"({channel.Key("SupportsUpdate")} is off{(remoteId.Length == 0 ? ", and the portal named no article id" : "")}). " +
            $"Open {Article(remoteId, url)}{(column is { } c ? $" in column {c.ToString(CultureInfo.InvariantCulture)}" : "")}, " +
            $"set its title to «{item.TitleFor(channel.Id)}» and its text, 文号, 索引号 and attachments to those of revision {item.Revision.ToString(CultureInfo.InvariantCulture)} " +
            "of this item (shown with the delivery), keep its publication date, then confirm the delivery with the article's URL.";
    }

    private static string Article(string remoteId, Uri? url) =>
        (remoteId.Length > 0 ? $"article {remoteId}" : "the article") + (url is null ? "" : $" ({url.AbsoluteUri})");

    private async Task<ChannelOutcome> UpdateAsync(JcmsApi api, DeliveryContext context, CancellationToken cancellationToken)
    {
        var remoteId = context.Live?.RemoteId ?? context.Delivery.RemoteId ?? "";
        var liveUrl = context.Live?.Url;
        var column = _channel.ColumnFor(context);
        if (!_channel.Options.SupportsUpdate || remoteId.Length == 0)
        {
            Log.HandedOff(_channel.Logger, _channel.Id, "update", context.Item.Id);
            return new ChannelOutcome.HandedOff(UpdateInstructions(_channel, context, remoteId, liveUrl, column));
        }

        if (column is null)
        {
            return _channel.BadColumn(context);
        }

        var article = _channel.Xml.Article(context.Item, column.Value, JcmsBody.Compose(context.Item), publishedAt: null, articleId: remoteId);
        var answer = await api.UpdateAsync(article, cancellationToken);
        if (!answer.Succeeded)
        {
            LogFailure(_channel, answer, "update");
            return JcmsOutcomes.Failure(_channel, answer, $"the update of article {remoteId} (was it deleted in the portal? then republish the item)", context.Delivery);
        }

        Log.Updated(_channel.Logger, _channel.Id, context.Item.Id, remoteId);
        return new ChannelOutcome.Succeeded(remoteId, answer.Url ?? liveUrl) { Code = answer.Code };
    }

    private async Task<ChannelOutcome> WithdrawAsync(JcmsApi api, DeliveryContext context, CancellationToken cancellationToken)
    {
        var (target, failure) = await WithdrawTargetAsync(api, context, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (target is null)
        {
            // Nothing of the item is live here and no add of it can have landed: the withdrawal is already true.
            return new ChannelOutcome.Succeeded(context.Delivery.RemoteId ?? "", null);
        }

        if (!_channel.Options.SupportsWithdraw || target.ArticleId.Length == 0)
        {
            Log.HandedOff(_channel.Logger, _channel.Id, "withdraw", context.Item.Id);
            return new ChannelOutcome.HandedOff(
                $"在门户后台撤下文章 Withdraw the article by hand in the portal's back office: the receive interface does not delete articles here " +
                $"({_channel.Key("SupportsWithdraw")} is off{(target.ArticleId.Length == 0 ? ", and the portal named no article id" : "")}). " +
                $"Find {Article(target.ArticleId, target.Url)} «{context.Item.TitleFor(_channel.Id)}», take it off the site (撤稿/删除), " +
                "check that its page no longer answers, then confirm the delivery.");
        }

        var answer = await api.DeleteAsync(target.ArticleId, cancellationToken);
        if (!answer.Succeeded)
        {
            LogFailure(_channel, answer, "delete");
            return JcmsOutcomes.Failure(_channel, answer, $"the delete of article {target.ArticleId}", context.Delivery);
        }

        Log.Withdrawn(_channel.Logger, _channel.Id, context.Item.Id, target.ArticleId);
        return new ChannelOutcome.Succeeded(target.ArticleId, null) { Code = answer.Code };
    }

    /// <summary>
    /// What to delete: the live article, else one a superseded publish added or may have added (its checkpoint was
    /// handed on to this withdraw), looked for without adding anything.
    /// </summary>
    private async Task<(JcmsFound? Target, ChannelOutcome? Failure)> WithdrawTargetAsync(JcmsApi api, DeliveryContext context, CancellationToken cancellationToken)
    {
        if (context.Live is not null)
        {
            return (new JcmsFound(context.Live.RemoteId, context.Live.Url), null);
        }

        if (context.Checkpoint[JcmsPublish.RemoteIdKey] is { } added)
        {
            return (new JcmsFound(added, Uri.TryCreate(context.Checkpoint[JcmsPublish.UrlKey], UriKind.Absolute, out var url) ? url : null), null);
        }

        if (context.Checkpoint[JcmsPublish.StepKey] != JcmsPublish.AddSent)
        {
            return (null, null);
        }

        var column = int.TryParse(context.Checkpoint[JcmsPublish.ColumnKey], NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : _channel.Options.ColumnId;
        return await new JcmsReconcile(_channel, api, context).FindAsync(column, context.Item.TitleFor(_channel.Id), "its answer was lost", cancellationToken);
    }
}
