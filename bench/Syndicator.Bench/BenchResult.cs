using System.Globalization;

namespace Syndicator.Bench;

/// <summary>One scenario's figures, as a row of the results table.</summary>
internal sealed record BenchResult(
    string Scenario,
    int Items,
    int Deliveries,
    TimeSpan Elapsed,
    TimeSpan P50,
    TimeSpan P99,
    TimeSpan Cpu,
    string CpuOf,
    string ExactlyOnce,
    IReadOnlyList<string> Notes)
{
    /// <summary>Peak resident memory of the measured process(es), in MB; null where not measured.</summary>
    public double? PeakRssMb { get; init; }

    /// <summary>Platform requests per delivery, by channel, as the sandbox counted them (service runs only).</summary>
    public IReadOnlyDictionary<string, double> RequestsPerDelivery { get; init; } = new Dictionary<string, double>();

    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;

    public double DeliveriesPerSecond => Deliveries / Elapsed.TotalSeconds;

    public double CpuMsPerItem => Cpu.TotalMilliseconds / Items;

    public static string Header =>
        "| scenario | items | deliveries | wall s | items/s | deliveries/s | p50 ms | p99 ms | CPU ms/item | peak RSS MB | exactly once |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Scenario} | {Items} | {Deliveries} | {Elapsed.TotalSeconds:0.0} | {ItemsPerSecond:0.0} | {DeliveriesPerSecond:0.0} "
        + $"| {P50.TotalMilliseconds:0.0} | {P99.TotalMilliseconds:0.0} | {CpuMsPerItem:0.00} ({CpuOf}) | {(PeakRssMb is { } rss ? rss.ToString("0", CultureInfo.InvariantCulture) : "—")} | {ExactlyOnce} |");

    /// <summary>The value below which <paramref name="fraction"/> of <paramref name="values"/> lie (nearest rank).</summary>
    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> values, double fraction)
    {
        if (values.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(fraction * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public void Print(TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine(Header);
        writer.WriteLine(Row());
        foreach (var note in Notes)
        {
            writer.WriteLine("  - " + note);
        }

        writer.WriteLine();
    }
}
