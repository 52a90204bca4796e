using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Syndicator.Core.Dispatch;

namespace Syndicator.Host.Metrics;

/// <summary>
/// Listens to this service's <see cref="DeliveryMetrics"/> try durations (only the meter made by this host's
/// <see cref="IMeterFactory"/>, not another host's in the same process) and keeps a cumulative histogram per channel
/// for <c>/metrics</c>. Started as a hosted service, so it listens from start-up on.
/// </summary>
internal sealed class AttemptLatency : IHostedService, IDisposable
{
    /// <summary>Upper bounds of the buckets, in seconds: a quick API call to a try that hits its timeout.</summary>
    public static readonly double[] Bounds = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, Histogram> _byChannel = new(StringComparer.Ordinal);

    public AttemptLatency(IMeterFactory meters)
    {
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

    /// <summary>Each channel's histogram as it stands, by channel id.</summary>
    public IReadOnlyDictionary<string, HistogramSnapshot> Snapshot() =>
        _byChannel.ToDictionary(p => p.Key, p => p.Value.Snapshot(), StringComparer.Ordinal);

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
                _byChannel.GetOrAdd(channel, _ => new Histogram()).Add(seconds);
                return;
            }
        }
    }

    private sealed class Histogram
    {
        private readonly Lock _gate = new();
        private readonly long[] _counts = new long[Bounds.Length + 1];
        private double _sum;

        public void Add(double seconds)
        {
            var bucket = Array.FindIndex(Bounds, b => seconds <= b);
            lock (_gate)
            {
                _counts[bucket < 0 ? Bounds.Length : bucket]++;
                _sum += seconds;
            }
        }

        public HistogramSnapshot Snapshot()
        {
            lock (_gate)
            {
                var cumulative = new long[_counts.Length];
                long running = 0;
                for (var i = 0; i < _counts.Length; i++)
                {
                    running += _counts[i];
                    cumulative[i] = running;
                }

                return new HistogramSnapshot(cumulative, _sum, running);
            }
        }
    }
}

/// <summary>A histogram as exposed: cumulative counts per bucket of <see cref="AttemptLatency.Bounds"/> then +Inf, the sum and the count.</summary>
internal sealed record HistogramSnapshot(IReadOnlyList<long> Cumulative, double Sum, long Count);
