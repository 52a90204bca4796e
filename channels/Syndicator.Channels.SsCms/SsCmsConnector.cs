using Syndicator.Channels.Toolkit;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Core.Tracking;

namespace Syndicator.Channels.SsCms;

/// <summary>Publishes, updates and withdraws items as contents of one SSCMS channel (栏目).</summary>
internal sealed class SsCmsConnector : IChannelConnector, IChannelVerifier
{
    private readonly SsCmsChannel _channel;

    public SsCmsConnector(SsCmsChannel channel) => _channel = channel;

    public async Task<ChannelOutcome> ExecuteAsync(DeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var api = _channel.Api;
        return context.Operation switch
        {
            DeliveryOperation.Publish => await new SsCmsPublish(_channel, api, context).RunAsync(cancellationToken),
            DeliveryOperation.Update => await UpdateAsync(api, context, cancellationToken),
            DeliveryOperation.Withdraw => await WithdrawAsync(api, context, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(context), context.Operation, "Unknown operation."),
        };
    }

    public Task<ChannelHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        HealthProbe.RunAsync(_channel.Id, _channel.Time, _channel.Logger, new SsCmsHealthCheck(_channel).ProbeAsync, cancellationToken);

    /// <summary>
    /// With a body selector (<c>Channels:&lt;id&gt;:Page:BodySelector</c>) the page at the recorded URL is compared; without
    /// one, the content as SSCMS's API answers it (S9: every site lays its pages out with its own templates).
    /// </summary>
    public async Task<LiveCheck?> VerifyAsync(Placement placement, ItemRevision item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(item);
        var title = item.TitleFor(_channel.Id);
        var body = _channel.ComposeBody(item);
        if (_channel.Options.Page.HasBody)
        {
            return placement.Url is { IsAbsoluteUri: true } url
                ? await _channel.Options.Page.ToPublicPage().CheckAsync(_channel.PageHttp(), url, title, body, cancellationToken)
                : null;
        }

        return await ReadBackAsync(placement, _channel.ColumnFor(item.Category) ?? _channel.Options.ChannelId, title, body, cancellationToken);
    }

    /// <summary>The content as <c>GET /api/v1/contents/{site}/{channel}/{id}</c> answers it, compared with the approved one.</summary>
    private async Task<LiveCheck?> ReadBackAsync(Placement placement, int column, string title, string body, CancellationToken cancellationToken)
    {
        if (!SettingsChecks.TryParseId(placement.RemoteId, out var id))
        {
            return null;
        }

        var api = _channel.Api;
        var answer = await api.GetAsync(column, id, cancellationToken);
        if (answer.IsNotFound)
        {
            return new LiveCheck(LiveStatus.Missing, null, null, $"SSCMS 中已无此内容 SSCMS has no content {placement.RemoteId} (400 未找到资源)");
        }

        if (!answer.Succeeded)
        {
            var what = answer.Answered ? $"SSCMS answered {answer.Code}: {answer.Message}" : $"no answer from SSCMS: {answer.ErrorText}";
            return new LiveCheck(LiveStatus.Unreachable, null, null, $"无法读取内容 could not read content {placement.RemoteId}: {what}");
        }

        var content = answer.Data!;
        if (content.ChannelId < 0)
        {
            return new LiveCheck(LiveStatus.Missing, content.Title, null, $"内容在回收站 content {placement.RemoteId} is in SSCMS's recycle bin");
        }

        if (_channel.Options.Checked && !content.Checked)
        {
            return new LiveCheck(LiveStatus.Missing, content.Title, null, $"内容未审核 content {placement.RemoteId} is no longer approved (待审核): it has no public page");
        }

        return LiveComparison.Compare(content.Title, content.Body, title, body);
    }

    // Update sends the whole field set again, so resending it after an unknown outcome is harmless.
    private async Task<ChannelOutcome> UpdateAsync(SsCmsApi api, DeliveryContext context, CancellationToken cancellationToken)
    {
        var remoteId = context.Live?.RemoteId ?? context.Delivery.RemoteId;
        if (!SettingsChecks.TryParseId(remoteId, out var id))
        {
            return new ChannelOutcome.Rejected($"No SSCMS content id to update (live remote id: '{remoteId}')");
        }

        if (_channel.ColumnFor(context) is not { } column)
        {
            return _channel.BadColumn(context);
        }

        // S5: an update through an SSCMS older than 7.3.1 wipes the fields it does not send.
        if (await SsCmsVersionCheck.RefuseUpdateAsync(_channel, api, column, remoteId!, context.Item, cancellationToken) is { } refused)
        {
            return refused;
        }

        var answer = await api.UpdateAsync(column, id, _channel.FieldsFor(context.Item), cancellationToken);
        if (!answer.Succeeded)
        {
            return Fail(answer, "update", _channel.NotFoundOnUpdate(column, remoteId!), column, context);
        }

        Log.Updated(_channel.Logger, _channel.Id, context.Item.Id, remoteId!);
        var (outcome, _) = await SsCmsPages.LocateAsync(_channel, api, column, remoteId!, context, answer.Code, cancellationToken, context.Live?.Url);
        return outcome;
    }

    private async Task<ChannelOutcome> WithdrawAsync(SsCmsApi api, DeliveryContext context, CancellationToken cancellationToken)
    {
        if (_channel.ColumnFor(context) is not { } column)
        {
            return _channel.BadColumn(context);
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

        if (!SettingsChecks.TryParseId(remoteId, out var id))
        {
            return new ChannelOutcome.Rejected($"The live remote id '{remoteId}' is not an SSCMS content id");
        }

        var answer = await api.DeleteAsync(column, id, cancellationToken);
        if (answer.IsNotFound)
        {
            Log.AlreadyGone(_channel.Logger, _channel.Id, context.Item.Id, remoteId);
            return new ChannelOutcome.Succeeded(remoteId, null) { Code = answer.Code };
        }

        // S6: a 200 on delete is a soft delete (the recycle bin); a second delete answers 200 again.
        if (!answer.Answered || !answer.Response.IsSuccessStatusCode)
        {
            return Fail(answer, "delete", _channel.NotFoundOnUpdate(column, remoteId), column, context);
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
                SettingsChecks.TryParseId(context.Checkpoint[SsCmsPublish.ColumnKey], out var sent) ? sent : column, cancellationToken)
            : (null, null);
    }

    private ChannelOutcome Fail<T>(SsCmsAnswer<T> answer, string call, string notFound, int column, DeliveryContext context)
        where T : class
    {
        LogFailure(_channel, answer, call);
        return SsCmsOutcomes.Failure(answer, notFound, _channel, column, context.Delivery);
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
