using System.Diagnostics;
using System.Globalization;

namespace Syndicator.Bench.Anchors;

/// <summary>One timed run of the anchors' workload: the service or the raw limit, at one latency, all at once or paced.</summary>
internal sealed record RunFigures(
    string Run, string Engine, int Items, TimeSpan Elapsed, TimeSpan P50, TimeSpan P95, TimeSpan Cpu, string CpuOf, string ExactlyOnce)
{
    /// <summary>The serve process's peak resident memory (VmHWM), MB; null for the limit.</summary>
    public double? PeakRssMb { get; init; }

    /// <summary>From starting the serve process until <c>/health/live</c> answered, for the service.</summary>
    public TimeSpan? StartToLive { get; init; }

    /// <summary>The service's tries in the run and their mean duration (its <c>/metrics</c>), for the service.</summary>
    public (double Tries, double MeanMs)? Tries { get; init; }

    /// <summary>The serve process's CPU time by then.</summary>
    public TimeSpan? StartCpu { get; init; }

    /// <summary>How long the submissions took (all accepted), for the service.</summary>
    public TimeSpan? Intake { get; init; }

    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;

    public double CpuMsPerItem => Cpu.TotalMilliseconds / Items;

    public static string Header =>
        "| run | engine | items | wall s | items/s | p50 ms | p95 ms | CPU ms/item | peak RSS MB | intake items/s | exactly once |\n"
        + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|";

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Run} | {Engine} | {Items} | {Elapsed.TotalSeconds:0.0} | {ItemsPerSecond:0.0} | {P50.TotalMilliseconds:0.0} | {P95.TotalMilliseconds:0.0} "
        + $"| {CpuMsPerItem:0.00} ({CpuOf}) | {(PeakRssMb is { } rss ? rss.ToString("0", CultureInfo.InvariantCulture) : "—")} "
        + $"| {(Intake is { } intake ? (Items / intake.TotalSeconds).ToString("0", CultureInfo.InvariantCulture) : "—")} | {ExactlyOnce} |");

    /// <summary>
    /// Figures from the stub's records: per item, from its start (<paramref name="startedAt"/>, Stopwatch ticks) to the
    /// last endpoint's answer; the run's wall time from <paramref name="clockStart"/> to the last answer of all.
    /// </summary>
    public static (TimeSpan Elapsed, TimeSpan P50, TimeSpan P95) Timing(
        IReadOnlyList<Receipt> receipts, IReadOnlyDictionary<string, long> startedAt, long clockStart)
    {
        var lastByItem = receipts
            .GroupBy(r => r.ItemId, StringComparer.Ordinal)
            .Where(g => startedAt.ContainsKey(g.Key))
            .ToDictionary(g => g.Key, g => g.GroupBy(r => r.Endpoint).Max(e => e.Min(r => r.AnsweredAt)), StringComparer.Ordinal);
        var latencies = lastByItem.Select(p => Stopwatch.GetElapsedTime(startedAt[p.Key], p.Value)).ToList();
        var elapsed = lastByItem.Count == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(clockStart, lastByItem.Values.Max());
        return (elapsed, BenchResult.Percentile(latencies, 0.50), BenchResult.Percentile(latencies, 0.95));
    }

    /// <summary>
    /// "yes" when each of the <paramref name="endpoints"/> received each of <paramref name="ids"/> exactly once: one
    /// request, under a <c>webhook-id</c> of its own (no resend, no second delivery); otherwise what was wrong.
    /// </summary>
    public static string CheckExactlyOnce(IReadOnlyList<Receipt> receipts, IReadOnlyCollection<string> ids, int endpoints)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        for (var endpoint = 0; endpoint < endpoints; endpoint++)
        {
            var byItem = receipts.Where(r => r.Endpoint == endpoint && wanted.Contains(r.ItemId))
                .GroupBy(r => r.ItemId, StringComparer.Ordinal).ToList();
            var missing = wanted.Count - byItem.Count;
            var twice = byItem.Count(g => g.Select(r => r.WebhookId).Distinct(StringComparer.Ordinal).Count() > 1);
            var resent = byItem.Count(g => g.Count() > g.Select(r => r.WebhookId).Distinct(StringComparer.Ordinal).Count());
            if (missing + twice + resent > 0)
            {
                problems.Add($"endpoint {endpoint}: {missing} missing, {twice} delivered twice, {resent} resent");
            }
        }

        var relevant = receipts.Where(r => wanted.Contains(r.ItemId)).ToList();
        var shared = relevant.Count - relevant.Select(r => r.WebhookId).Distinct(StringComparer.Ordinal).Count();
        if (problems.Count == 0 && shared > 0)
        {
            problems.Add($"{shared} webhook-id(s) used for more than one delivery");
        }

        return problems.Count == 0 ? "yes" : "NO: " + string.Join("; ", problems);
    }
}
