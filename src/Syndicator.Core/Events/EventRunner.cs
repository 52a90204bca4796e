using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Storage;

namespace Syndicator.Core.Events;

/// <summary>
/// Runs one try of one claimed event, as <see cref="DeliveryRunner"/> runs a delivery's: under a kept-alive lease and
/// the subscription's time limit, its outcome counted by the subscription's circuit and turned into the next step
/// by the same retry schedule (<c>Retry</c>). Never throws.
/// </summary>
public sealed class EventRunner(
    IEventStore store, IEventSender sender, DeliveryStateMachine machine, EventGates gates, TimeProvider time,
    IOptions<DispatcherOptions> options, ILogger<EventRunner> logger)
{
    public async Task RunAsync(EventSubscription subscription, EventLease lease, CancellationToken hardStop)
    {
        try
        {
            await using var heartbeat = new LeaseHeartbeat(
                (until, ct) => store.RenewAsync(lease, until, ct), time, options.Value.LeaseDuration, hardStop);
            ChannelOutcome outcome;
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(heartbeat.Token))
            {
                limit.CancelAfter(subscription.Options.Timeout);
                try
                {
                    outcome = await sender.SendAsync(subscription, lease.Event, limit.Token);
                }
                catch (OperationCanceledException) when (!heartbeat.Token.IsCancellationRequested)
                {
                    outcome = new ChannelOutcome.Transient($"no answer within Events:Subscriptions:{subscription.Name}:Timeout ({subscription.Options.Timeout})")
                    {
                        SlowDown = true,
                    };
                }
            }

            if (heartbeat.LeaseLost)
            {
                return;
            }

            if (hardStop.IsCancellationRequested)
            {
                await store.ReleaseAsync(lease, time.GetUtcNow(), CancellationToken.None);
                return;
            }

            gates.Circuit(subscription.Name).Record(outcome);
            await store.CompleteAsync(lease, Next(lease, outcome, time.GetUtcNow()), CancellationToken.None);
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            await store.ReleaseAsync(lease, time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The store itself failed: the lease runs out and another try sends the event again, under the same id.
            Log.EventRunFailed(logger, ex, lease.Event.Id, subscription.Name);
        }
    }

    /// <summary>Where the event goes after a try: delivered, back in the queue on the retry schedule, or failed.</summary>
    public EventTryResult Next(EventLease lease, ChannelOutcome outcome, DateTimeOffset now)
    {
        var attempts = lease.Attempts + 1;
        return outcome switch
        {
            ChannelOutcome.Succeeded => new(EventDeliveryStatus.Succeeded, attempts, null, null, outcome.Code, now),
            ChannelOutcome.Transient t => Retry(attempts, lease.RetryBase, t.Reason, t, now),
            ChannelOutcome.AuthFailed a => Retry(attempts, lease.RetryBase, a.Reason, a, now),
            ChannelOutcome.RateLimited r => new(EventDeliveryStatus.Pending, lease.Attempts, r.Until > now ? r.Until : now, r.Reason, outcome.Code, now),
            ChannelOutcome.Rejected r => new(EventDeliveryStatus.Failed, attempts, null, r.Reason, outcome.Code, now),
            _ => new(EventDeliveryStatus.Failed, attempts, null, $"unexpected outcome {outcome.GetType().Name}", outcome.Code, now),
        };
    }

    private EventTryResult Retry(int attempts, int retryBase, string reason, ChannelOutcome outcome, DateTimeOffset now) =>
        machine.RetryWait(attempts - retryBase, outcome) is { } wait
            ? new(EventDeliveryStatus.Pending, attempts, now + wait, reason, outcome.Code, now)
            : new(EventDeliveryStatus.Failed, attempts, null, $"{reason} (gave up after {attempts} attempts)", outcome.Code, now);
}
