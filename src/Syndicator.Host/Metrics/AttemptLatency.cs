using System.Diagnostics.Metrics;
using Syndicator.Core.Dispatch;

namespace Syndicator.Host.Metrics;

/// <summary>
/// Listens to this service's <see cref="DeliveryMetrics"/> try durations (only the meter made by this host's
/// <see cref="IMeterFactory"/>, not another host's in the same process) and observes each on
/// <see cref="ServiceMetrics.AttemptDuration"/> under its <c>channel</c> tag. Started as a hosted service, so it listens
/// from start-up on. The core keeps to System.Diagnostics.Metrics and knows nothing of the exporter.
/// </summary>
internal sealed class AttemptLatency : IHostedService, IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ServiceMetrics _metrics;

    public AttemptLatency(IMeterFactory meters, ServiceMetrics metrics)
    {
        _metrics = metrics;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters)
                && instrument.Meter.Name == DeliveryMetrics.MeterName
                && instrument.Name == DeliveryMetrics.AttemptDurationName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag is { Key: "channel", Value: string channel })
            {
                _metrics.AttemptDuration.WithLabels(channel).Observe(seconds);
                return;
            }
        }
    }
}
