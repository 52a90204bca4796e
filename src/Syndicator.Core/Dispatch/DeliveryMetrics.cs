using System.Diagnostics.Metrics;

namespace Syndicator.Core.Dispatch;

/// <summary>
/// The dispatcher's instruments (System.Diagnostics.Metrics): how long each try of a delivery took, per channel and
/// outcome. Created from the host's <see cref="IMeterFactory"/>, so a listener can tell this service's meter from
/// another's in the same process; the host turns it into the <c>/metrics</c> histogram.
/// </summary>
public sealed class DeliveryMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Syndicator.Dispatch";

    /// <summary>The histogram of try durations, in seconds, tagged <c>channel</c> and <c>outcome</c>.</summary>
    public const string AttemptDurationName = "syndicator.attempt.duration";

    private readonly Meter _meter;
    private readonly Histogram<double> _attemptDuration;

    public DeliveryMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _attemptDuration = _meter.CreateHistogram<double>(AttemptDurationName, "s", "How long one try of a delivery took, connector call included.");
    }

    /// <summary>Records one finished try.</summary>
    public void RecordAttempt(string channel, string outcome, TimeSpan duration) =>
        _attemptDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));

    public void Dispose() => _meter.Dispose();
}
