using System.Globalization;

namespace Syndicator.Bench.Anchors;

/// <summary>
/// The service's own view of its tries, from <c>GET /metrics</c>: how many tries and their summed duration
/// (<c>syndicator_attempt_duration_seconds</c>, all channels). Read before and after a run, the difference says how long a
/// try took inside the service (connector call included), against the stub's answer time.
/// </summary>
internal sealed record AttemptMetrics(double Count, double Seconds)
{
    public static async Task<AttemptMetrics> ReadAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri("metrics", UriKind.Relative), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return new AttemptMetrics(0, 0);
        }

        double count = 0, seconds = 0;
        foreach (var line in (await response.Content.ReadAsStringAsync(cancellationToken)).Split('\n'))
        {
            if (line.StartsWith("syndicator_attempt_duration_seconds_count", StringComparison.Ordinal))
            {
                count += Value(line);
            }
            else if (line.StartsWith("syndicator_attempt_duration_seconds_sum", StringComparison.Ordinal))
            {
                seconds += Value(line);
            }
        }

        return new AttemptMetrics(count, seconds);
    }

    /// <summary>Tries in the run, and their mean duration in ms.</summary>
    public (double Tries, double MeanMs) Since(AttemptMetrics before)
    {
        var tries = Count - before.Count;
        return (tries, tries > 0 ? (Seconds - before.Seconds) / tries * 1000 : 0);
    }

    private static double Value(string line)
    {
        var text = line[(line.LastIndexOf(' ') + 1)..].Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }
}
