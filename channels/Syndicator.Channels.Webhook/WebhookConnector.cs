using Microsoft.Extensions.Logging;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;

namespace Syndicator.Channels.Webhook;

/// <summary>
/// Publishes, updates and withdraws items as signed events POSTed to one receiver. Every try of a delivery sends
/// the same body under the same <c>webhook-id</c> (the delivery's id), so the receiver's de-duplication makes a resend
/// after a lost answer harmless: no checkpoint or reconciliation is needed.
/// </summary>
internal sealed class WebhookConnector(
    string channel, WebhookChannelOptions options, Func<HttpClient> http, TimeProvider time, ILogger logger) : IChannelConnector
{
    public async Task<ChannelOutcome> ExecuteAsync(DeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = WebhookPayload.TypeOf(context.Operation);
        var body = WebhookPayload.Of(context.Delivery, context.Operation, context.Item, context.Live, channel, options.InlineMedia);
        var answer = await new WebhookSender(http(), options, time).SendAsync(context.Delivery.Id, body, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var fallback = context.Live?.RemoteId ?? context.Delivery.RemoteId ?? context.Item.Id;
        var outcome = WebhookOutcomes.Of(answer, $"Channels:{channel}", fallback, t => RepeatedFault.Judge(context.Delivery, t));
        if (!answer.Answered)
        {
            Log.NoAnswer(logger, channel, type, context.Item.Id, !answer.NothingSent, answer.Error);
        }
        else if (outcome is ChannelOutcome.Succeeded)
        {
            Log.Delivered(logger, channel, type, context.Item.Id, context.Delivery.Id, (int)answer.Status);
        }
        else
        {
            Log.Refused(logger, channel, type, context.Item.Id, (int)answer.Status);
        }

        // A withdrawal leaves no page: the placement's address is not carried on.
        return context.Operation == DeliveryOperation.Withdraw && outcome is ChannelOutcome.Succeeded gone
            ? gone with { Url = null }
            : outcome;
    }

    /// <summary>
    /// Standard Webhooks defines no probe, so the check POSTs a signed <c>webhook.ping</c> event (a fresh id each
    /// time) to the same Url: a 2xx proves the receiver answers and accepts the signature.
    /// </summary>
    public Task<ChannelHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        HealthProbe.RunAsync(channel, time, logger, ProbeAsync, cancellationToken);

    private async Task<HealthProbe.Verdict> ProbeAsync(CancellationToken cancellationToken)
    {
        var id = "ping_" + Guid.NewGuid().ToString("N");
        var answer = await new WebhookSender(http(), options, time).SendAsync(id, WebhookPayload.PingOf(channel, time.GetUtcNow()), cancellationToken);
        var status = (int)answer.Status;
        return answer switch
        {
            { Answered: false } => new(ChannelHealthStatus.Unhealthy, $"webhook receiver unreachable: {answer.Error}"),
            _ when status is >= 200 and < 300 => new(ChannelHealthStatus.Healthy, $"the receiver answered {status} to a signed webhook.ping"),
            _ when HttpFailures.IsTransient(answer.Status) => new(ChannelHealthStatus.Degraded,
                $"the receiver answered {status} to a signed webhook.ping: {HttpFailures.Excerpt(answer.Body)}"),
            _ => new(ChannelHealthStatus.Unhealthy, $"the receiver answered {status} to a signed webhook.ping: {HttpFailures.Excerpt(answer.Body)}" +
                (status is 401 or 403 ? $" (check Channels:{channel}:Secret)" : "")),
        };
    }
}
