using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Storage;

namespace Syndicator.Host.Metrics;

/// <summary>
/// <c>/metrics</c>: per channel, the delivery counts (from the store, so the same on every node), try durations (this
/// node's), oldest pending age, circuit state (this node's) and the latest stored health check.
/// </summary>
internal sealed class MetricsWriter(
    ChannelCatalogue catalogue, IDeliveryStore deliveries, IDeliveryStatistics statistics, IHealthCheckStore health, ChannelGates gates,
    AttemptLatency latency, TimeProvider time)
{
    private static readonly ChannelHealthStatus[] HealthStates =
        [ChannelHealthStatus.Healthy, ChannelHealthStatus.Degraded, ChannelHealthStatus.Unhealthy, ChannelHealthStatus.Unknown];

    public async Task<string> WriteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var channels = new List<(string Id, ChannelCounts Counts, HealthCheck? Health)>();
        foreach (var channel in catalogue.Channels)
        {
            channels.Add((channel.Id, await deliveries.CountAsync(channel.Id, cancellationToken), await health.LatestAsync(channel.Id, cancellationToken)));
        }

        var byStatus = (await statistics.CountByChannelAndStatusAsync(cancellationToken)).ToDictionary(c => (c.Channel, c.Status), c => c.Count);
        var text = new PrometheusText();

        text.Family("syndicator_deliveries_pending", "gauge", "Deliveries waiting or running, per channel.");
        channels.ForEach(c => text.Sample("syndicator_deliveries_pending", c.Counts.Pending, ("channel", c.Id)));
        text.Family("syndicator_deliveries_failed", "gauge", "Deliveries failed or unconfirmed that wait for an operator, per channel.");
        channels.ForEach(c => text.Sample("syndicator_deliveries_failed", c.Counts.Failed, ("channel", c.Id)));

        text.Family("syndicator_deliveries", "gauge", "Deliveries by channel and status, as stored.");
        foreach (var (id, _, _) in channels)
        {
            foreach (var status in Enum.GetValues<DeliveryStatus>().Select(s => WireNames.Of(s)))
            {
                text.Sample("syndicator_deliveries", byStatus.GetValueOrDefault((id, status)), ("channel", id), ("status", status));
            }
        }

        WriteLatency(text);

        text.Family("syndicator_oldest_pending_age_seconds", "gauge", "Age of the channel's oldest pending delivery; 0 when none waits.");
        channels.ForEach(c => text.Sample("syndicator_oldest_pending_age_seconds",
            c.Counts.OldestPendingSince is { } since ? Math.Max(0, (now - since).TotalSeconds) : 0, ("channel", c.Id)));

        text.Family("syndicator_channel_circuit_state", "gauge", "The channel's circuit on this node: 0 closed, 1 half-open, 2 open.");
        channels.ForEach(c => text.Sample("syndicator_channel_circuit_state", Circuit(gates.Circuit(c.Id).State), ("channel", c.Id)));

        text.Family("syndicator_channel_healthy", "gauge", "1 when the channel's latest health check passed.");
        channels.ForEach(c => text.Sample("syndicator_channel_healthy", c.Health?.Status == ChannelHealthStatus.Healthy ? 1 : 0, ("channel", c.Id)));
        text.Family("syndicator_channel_health_status", "gauge", "The channel's latest stored health check: 1 for its status, 0 for the others.");
        foreach (var (id, _, check) in channels)
        {
            foreach (var state in HealthStates)
            {
                text.Sample("syndicator_channel_health_status", (check?.Status ?? ChannelHealthStatus.Unknown) == state ? 1 : 0,
                    ("channel", id), ("status", HealthStatusNames.Of(state)));
            }
        }

        return text.ToString();
    }

    private void WriteLatency(PrometheusText text)
    {
        const string Name = "syndicator_attempt_duration_seconds";
        text.Family(Name, "histogram", "How long tries of deliveries took on this node, per channel, connector call included.");
        foreach (var (channel, histogram) in latency.Snapshot().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            for (var i = 0; i < histogram.Cumulative.Count; i++)
            {
                var le = i < AttemptLatency.Bounds.Length ? PrometheusText.Number(AttemptLatency.Bounds[i]) : "+Inf";
                text.Sample(Name + "_bucket", histogram.Cumulative[i], ("channel", channel), ("le", le));
            }

            text.Sample(Name + "_sum", histogram.Sum, ("channel", channel));
            text.Sample(Name + "_count", histogram.Count, ("channel", channel));
        }
    }

    private static int Circuit(CircuitState state) => state switch
    {
        CircuitState.HalfOpen => 1,
        CircuitState.Open => 2,
        _ => 0,
    };
}
