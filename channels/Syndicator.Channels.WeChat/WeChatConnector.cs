using System.Text.Json.Nodes;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Core.Tracking;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// Publishes items as free-publish articles (发布) of one Official Account. A published article cannot be edited
/// through the API, so an update publishes the revision as a new article and then deletes the old one or keeps it
/// (<see cref="WeChatChannelOptions.UpdatePolicy"/>); a withdrawal deletes the article.
/// </summary>
internal sealed class WeChatConnector : IChannelConnector, IChannelVerifier
{
    /// <summary>freepublish/delete of an article that is not (or no longer) there.</summary>
    private const int InvalidArticleId = 53600;

    private readonly WeChatChannel _channel;

    public WeChatConnector(WeChatChannel channel) => _channel = channel;

    public async Task<ChannelOutcome> ExecuteAsync(DeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = _channel.OpenSession();
        return context.Operation switch
        {
            DeliveryOperation.Publish => await new WeChatPublish(_channel, session, context).RunAsync(cancellationToken),
            DeliveryOperation.Update => await UpdateAsync(session, context, cancellationToken),
            DeliveryOperation.Withdraw => await WithdrawAsync(session, context, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(context), context.Operation, "Unknown operation."),
        };
    }

    public Task<ChannelHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        new WeChatHealthCheck(_channel).RunAsync(cancellationToken);

    public Task<LiveCheck?> VerifyAsync(Placement placement, ItemRevision item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(item);
        return WeChatVerify.RunAsync(_channel, placement, item, cancellationToken);
    }

    private async Task<ChannelOutcome> UpdateAsync(WeChatSession session, DeliveryContext context, CancellationToken cancellationToken)
    {
        var outcome = await new WeChatPublish(_channel, session, context).RunAsync(cancellationToken);
        if (outcome is not ChannelOutcome.Succeeded published || context.Live is not { } old || old.RemoteId == published.RemoteId)
        {
            return outcome;
        }

        if (_channel.Options.UpdatePolicy == WeChatUpdatePolicy.KeepOld)
        {
            Log.Replaced(_channel.Logger, _channel.Id, context.Item.Id, published.RemoteId, old.RemoteId, "kept (UpdatePolicy KeepOld)");
            return published with { Note = $"旧文章 {old.RemoteId} 已保留 (old article kept live: UpdatePolicy KeepOld)" };
        }

        // Deleted only after the new article is confirmed, so the item is never missing from the account.
        var deleted = await DeleteAsync(session, old.RemoteId, cancellationToken);
        if (deleted is not null)
        {
            return deleted;
        }

        Log.Replaced(_channel.Logger, _channel.Id, context.Item.Id, published.RemoteId, old.RemoteId, "deleted (UpdatePolicy DeleteOld)");
        return published with { Note = $"旧文章 {old.RemoteId} 已删除 (old article deleted: UpdatePolicy DeleteOld)" };
    }

    private async Task<ChannelOutcome> WithdrawAsync(WeChatSession session, DeliveryContext context, CancellationToken cancellationToken)
    {
        // The live article, else one a superseded publish created (its checkpoint was handed on to this withdraw).
        var target = context.Live?.RemoteId ?? context.Checkpoint[WeChatPublish.ArticleIdKey];
        if (target is null)
        {
            return WeChatPublish.MayHavePublished(context.Checkpoint)
                ? new ChannelOutcome.Unconfirmed(
                    $"a superseded publish was submitted but never confirmed (checkpoint: {context.Checkpoint}): check 发表记录 on " +
                    "mp.weixin.qq.com and delete its article by hand if it went live")
                : new ChannelOutcome.Succeeded(context.Delivery.RemoteId ?? "", null); // nothing live, nothing on its way
        }

        var failure = await DeleteAsync(session, target, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        Log.Withdrawn(_channel.Logger, _channel.Id, context.Item.Id, target);
        return new ChannelOutcome.Succeeded(target, null);
    }

    /// <summary>
    /// <c>freepublish/delete</c> of every article under <paramref name="articleId"/> (index 0; irreversible,
    /// reference §5c). Null when the article is gone, including when it already was.
    /// </summary>
    private async Task<ChannelOutcome?> DeleteAsync(WeChatSession session, string articleId, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["article_id"] = articleId, ["index"] = 0 };

        // Safe to repeat: a second delete changes nothing (it answers 53600, taken as success below).
        var answer = await session.PostAsync("freepublish/delete", body, idempotent: true, cancellationToken);
        return answer.Ok || answer.Errcode == InvalidArticleId ? null : WeChatOutcomes.Failure(_channel, answer);
    }
}
