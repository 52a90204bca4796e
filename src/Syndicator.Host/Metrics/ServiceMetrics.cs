using Prometheus;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Events;

namespace Syndicator.Host.Metrics;

/// <summary>
/// The service's metric families, in a prometheus-net registry of this host's own (not the library's process-wide
/// default one), exposed at <c>/metrics</c>. Before each scrape the store's values (<see cref="StoreReadings"/>, at most
/// once per window) and this node's circuit states are set on the gauges; try durations are observed as they happen
/// (<see cref="AttemptLatency"/>).
/// </summary>
internal sealed class ServiceMetrics
{
    /// <summary>Upper bounds of the try-duration buckets, in seconds: a quick API call to a try that hits its timeout.</summary>
    public static readonly double[] AttemptBounds = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private static readonly ChannelHealthStatus[] HealthStates =
        [ChannelHealthStatus.Healthy, ChannelHealthStatus.Degraded, ChannelHealthStatus.Unhealthy, ChannelHealthStatus.Unknown];

    private readonly StoreReadings _store;
    private readonly ChannelGates _gates;
    private readonly TimeProvider _time;
    private readonly Gauge _pending;
    private readonly Gauge _failed;
    private readonly Gauge _byStatus;
    private readonly Gauge _oldestPending;
    private readonly Gauge _circuit;
    private readonly Gauge _healthy;
    private readonly Gauge _healthStatus;
    private readonly Gauge _eventsPending;
    private readonly Gauge _eventsFailed;
    private readonly Gauge _eventCircuit;
    private readonly EventGates _eventGates;

    public ServiceMetrics(StoreReadings store, ChannelGates gates, EventGates eventGates, TimeProvider time)
    {
        _eventGates = eventGates;
        _store = store;
        _gates = gates;
        _time = time;
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _pending = factory.CreateGauge("syndicator_deliveries_pending", "Deliveries waiting or running, per channel.", "channel");
        _failed = factory.CreateGauge("syndicator_deliveries_failed", "Deliveries failed or unconfirmed that wait for an operator, per channel.", "channel");
        _byStatus = factory.CreateGauge("syndicator_deliveries", "Deliveries by channel and status, as stored.", "channel", "status");
        AttemptDuration = factory.CreateHistogram("syndicator_attempt_duration_seconds",
            "How long tries of deliveries took on this node, per channel, connector call included.",
            ["channel"], new HistogramConfiguration { Buckets = AttemptBounds });
        _oldestPending = factory.CreateGauge("syndicator_oldest_pending_age_seconds", "Age of the channel's oldest pending delivery; 0 when none waits.", "channel");
        _circuit = factory.CreateGauge("syndicator_channel_circuit_state", "The channel's circuit on this node: 0 closed, 1 half-open, 2 open.", "channel");
        _healthy = factory.CreateGauge("syndicator_channel_healthy", "1 when the channel's latest health check passed.", "channel");
        _healthStatus = factory.CreateGauge("syndicator_channel_health_status",
            "The channel's latest stored health check: 1 for its status, 0 for the others.", "channel", "status");
        _eventsPending = factory.CreateGauge("syndicator_events_pending", "Events waiting or on their way to the subscription.", "subscription");
        _eventsFailed = factory.CreateGauge("syndicator_events_failed", "Events the subscription's receiver never took (retries used up or refused).", "subscription");
        _eventCircuit = factory.CreateGauge("syndicator_event_circuit_state", "The subscription's circuit on this node: 0 closed, 1 half-open, 2 open.", "subscription");
        Registry.AddBeforeCollectCallback(RefreshAsync);
    }

    /// <summary>The registry <c>/metrics</c> serializes.</summary>
    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    /// <summary><c>syndicator_attempt_duration_seconds</c>, labelled <c>channel</c>.</summary>
    public Histogram AttemptDuration { get; }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var reading = await _store.GetAsync(cancellationToken);
        RefreshEvents(reading);
        var now = _time.GetUtcNow();
        foreach (var (id, counts, check) in reading.Channels)
        {
            _pending.WithLabels(id).Set(counts.Pending);
            _failed.WithLabels(id).Set(counts.Failed);
            foreach (var status in Enum.GetValues<DeliveryStatus>().Select(s => WireNames.Of(s)))
            {
                _byStatus.WithLabels(id, status).Set(reading.ByStatus.GetValueOrDefault((id, status)));
            }

            _oldestPending.WithLabels(id).Set(counts.OldestPendingSince is { } since ? Math.Max(0, (now - since).TotalSeconds) : 0);
            _circuit.WithLabels(id).Set(Circuit(_gates.Circuit(id).State));
            _healthy.WithLabels(id).Set(check?.Status == ChannelHealthStatus.Healthy ? 1 : 0);
            foreach (var state in HealthStates)
            {
                _healthStatus.WithLabels(id, HealthStatusNames.Of(state)).Set((check?.Status ?? ChannelHealthStatus.Unknown) == state ? 1 : 0);
            }
        }
    }

    private void RefreshEvents(StoreReading reading)
    {
        foreach (var (name, counts) in reading.Subscriptions)
        {
            _eventsPending.WithLabels(name).Set(counts.Pending);
            _eventsFailed.WithLabels(name).Set(counts.Failed);
            _eventCircuit.WithLabels(name).Set(Circuit(_eventGates.Circuit(name).State));
        }
    }

    private static int Circuit(CircuitState state) => state switch
    {
        CircuitState.HalfOpen => 1,
        CircuitState.Open => 2,
        _ => 0,
    };
}
