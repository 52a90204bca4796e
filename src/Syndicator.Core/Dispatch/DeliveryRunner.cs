using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;

namespace Syndicator.Core.Dispatch;

/// <summary>
/// Runs one try of one claimed delivery: builds the context, calls the connector under a time limit while keeping
/// the lease alive, and records the outcome. Never throws: one channel's failure is recorded on its own delivery.
/// </summary>
public sealed class DeliveryRunner
{
    private readonly RevisionCache _items;
    private readonly IDeliveryStore _deliveries;
    private readonly ConnectorRegistry _connectors;
    private readonly ChannelCatalogue _catalogue;
    private readonly DeliveryStateMachine _machine;
    private readonly ChannelGates _gates;
    private readonly TimeProvider _time;
    private readonly DispatcherOptions _options;
    private readonly ILogger<DeliveryRunner> _logger;
    private readonly DeliveryMetrics? _metrics;
    private readonly DispatchSignal? _signal;

    /// <remarks>
    /// Try durations go to <see cref="DeliveryMetrics"/> when the host registers it (optional); a recorded end wakes the
    /// event lanes through <paramref name="signal"/> (optional: without it they find the events on their next poll).
    /// </remarks>
    public DeliveryRunner(
        RevisionCache items, IDeliveryStore deliveries, ConnectorRegistry connectors, ChannelCatalogue catalogue,
        DeliveryStateMachine machine, ChannelGates gates, TimeProvider time, IOptions<DispatcherOptions> options,
        ILogger<DeliveryRunner> logger, DeliveryMetrics? metrics = null, DispatchSignal? signal = null)
    {
        _metrics = metrics;
        _signal = signal;
        _gates = gates;
        _items = items;
        _deliveries = deliveries;
        _connectors = connectors;
        _catalogue = catalogue;
        _machine = machine;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <param name="lease">The claimed delivery.</param>
    /// <param name="hardStop">Cancelled when shutdown's grace period is over: the try is abandoned and the delivery released.</param>
    public async Task RunAsync(DeliveryLease lease, CancellationToken hardStop)
    {
        var delivery = lease.Delivery;
        var started = _time.GetUtcNow();
        try
        {
            await using var heartbeat = new LeaseHeartbeat((until, ct) => _deliveries.RenewAsync(lease, until, ct), _time, _options.LeaseDuration, hardStop);
            var (operation, outcome, stopped, kept) = await TryAsync(lease, heartbeat.Token);
            if (heartbeat.LeaseLost)
            {
                Log.LeaseLost(_logger, delivery.Id);
                return;
            }

            // Only a try that shutdown cut short is released; an outcome the connector did reach is recorded.
            if (stopped && hardStop.IsCancellationRequested)
            {
                await _deliveries.ReleaseAsync(lease, _time.GetUtcNow(), CancellationToken.None);
                return;
            }

            _gates.Circuit(delivery.Channel).Record(outcome);
            await CompleteAsync(lease, operation, outcome, started, kept);
        }
        catch (LeaseLostException)
        {
            Log.LeaseLost(_logger, delivery.Id);
        }
        catch (Exception ex)
        {
            // The store itself failed: the lease runs out and another try picks the delivery up from its checkpoint.
            Log.RunFailed(_logger, ex, delivery.Id, delivery.Channel);
        }

        // No signal to the lane here: the lane watches its running tries and decides whether a finished one calls
        // for a claim (Lane.WaitAsync).
    }

    private async Task<(DeliveryOperation Operation, ChannelOutcome Outcome, bool Stopped, Checkpoint? Kept)> TryAsync(
        DeliveryLease lease, CancellationToken token)
    {
        var delivery = lease.Delivery;
        if (delivery.Crashes >= _options.QuarantineAfter)
        {
            Log.Quarantined(_logger, delivery.Id, delivery.Channel, delivery.Crashes);
            return (delivery.Operation, new ChannelOutcome.Unconfirmed(
                $"隔离 quarantined: {delivery.Crashes} tries of this delivery never finished (the process stopped or lost it during each). " +
                "Check the platform for the article, then retry or withdraw the item."), false, null);
        }

        // Read with the claim where the store could; a store that did not leaves them to be read here.
        var item = lease.With is { } with ? with.Item : await _items.GetAsync(delivery.ItemId, delivery.Revision, token);
        if (item is null)
        {
            return (delivery.Operation, new ChannelOutcome.Rejected($"Revision {delivery.Revision} of {delivery.ItemId} is missing from the store."), false, null);
        }

        var live = lease.With is { } claimed ? claimed.Live : await _deliveries.GetPlacementAsync(delivery.ItemId, delivery.Channel, token);
        var operation = Resolve(delivery.Operation, live);
        var context = new DeliveryContext(delivery, operation, item, live, async (checkpoint, ct) =>
        {
            if (!await _deliveries.SaveCheckpointAsync(lease, checkpoint, _time.GetUtcNow(), ct))
            {
                throw new LeaseLostException();
            }
        })
        {
            Column = _catalogue.ColumnFor(item.Category, delivery.Channel),
            FindPlacement = (channel, ct) => _deliveries.GetPlacementAsync(delivery.ItemId, channel, ct),
        };

        var timeout = _catalogue.Find(delivery.Channel)?.Options.AttemptTimeout ?? TimeSpan.FromSeconds(60);
        using var limit = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, limit.Token);
        try
        {
            var outcome = await _connectors.For(delivery.Channel).ExecuteAsync(context, linked.Token);
            return (operation, outcome, false, context.Unsaved);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !token.IsCancellationRequested)
        {
            return (operation, new ChannelOutcome.Transient($"The try took longer than {timeout.TotalSeconds:0} s and was cut off.") { SlowDown = true }, false, context.Unsaved);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return (operation, new ChannelOutcome.Transient("The try was stopped."), true, context.Unsaved);
        }
        catch (Exception ex) when (ex is not LeaseLostException)
        {
            Log.ConnectorThrew(_logger, ex, delivery.Id, delivery.Channel);
            return (operation, new ChannelOutcome.Transient($"The connector failed unexpectedly: {ex.GetType().Name}: {ex.Message}"), false, context.Unsaved);
        }
    }

    /// <summary>A publish where the item is already live becomes an update; an update with nothing live, a publish.</summary>
    public static DeliveryOperation Resolve(DeliveryOperation requested, Placement? live) => requested switch
    {
        DeliveryOperation.Publish when live is not null => DeliveryOperation.Update,
        DeliveryOperation.Update when live is null => DeliveryOperation.Publish,
        _ => requested,
    };

    private async Task CompleteAsync(
        DeliveryLease lease, DeliveryOperation operation, ChannelOutcome outcome, DateTimeOffset started, Checkpoint? kept)
    {
        var delivery = lease.Delivery;
        var now = _time.GetUtcNow();
        var transition = _machine.Apply(delivery, outcome, now);
        var attempt = new Attempt(delivery.Id, delivery.Attempts + 1, started, now, OutcomeNames.Of(outcome), outcome.Code, OutcomeNames.Message(outcome));
        _metrics?.RecordAttempt(delivery.Channel, attempt.Outcome, now - started);
        var audit = transition.Status is DeliveryStatus.Succeeded or DeliveryStatus.Failed or DeliveryStatus.Unconfirmed or DeliveryStatus.Handoff
            ? new AuditEntry(now, "system", "delivery." + WireNames.Of(transition.Status), delivery.ItemId, delivery.Id, delivery.Channel, null,
                $"{WireNames.Of(operation)} r{delivery.Revision}: {attempt.Message}")
            : null;
        // A checkpoint the connector kept rather than saved is stored with the outcome, in the same transaction.
        var result = new TryResult(operation, transition, attempt, now, audit) { Checkpoint = kept };
        if (!await _deliveries.CompleteAsync(lease, result, CancellationToken.None))
        {
            Log.LeaseLost(_logger, delivery.Id);
            return;
        }

        _signal?.NotifyEvents();
        Log.TryEnded(_logger, delivery.Id, delivery.Channel, WireNames.Of(operation), attempt.Outcome, WireNames.Of(transition.Status));
    }
}
