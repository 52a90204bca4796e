using System.Globalization;

namespace Syndicator.Bench.Anchors;

/// <summary>The anchors' workload beside the targets.</summary>
internal static class AnchorsTable
{
    private const double RssTargetMb = 200;

    /// <param name="figures">Service and limit, in pairs, in the order 0 ms, 20 ms, paced.</param>
    public static TargetTable From(IReadOnlyList<RunFigures> figures)
    {
        var table = new TargetTable("Anchors' workload (4 webhook channels, loopback stub)");
        for (var i = 0; i + 1 < figures.Count; i += 2)
        {
            var (service, limit) = (figures[i], figures[i + 1]);
            var share = service.ItemsPerSecond / limit.ItemsPerSecond;
            var run = service.Run;
            if (run.StartsWith("paced", StringComparison.Ordinal))
            {
                var over = (service.P50 - limit.P50).TotalMilliseconds;
                table.Add($"{run}: p50 submit → last endpoint", F($"{service.P50.TotalMilliseconds:0.0} ms (limit {limit.P50.TotalMilliseconds:0.0} ms, {over:+0.0;-0.0} ms)"),
                    "≤ limit + 3 ms", over <= 3);
            }
            else
            {
                var target = run == "0 ms" ? 0.15 : 0.90;
                table.Add($"{run}: throughput", F($"{service.ItemsPerSecond:0.0} items/s = {share:0.0%} of the limit's {limit.ItemsPerSecond:0.0}"),
                    F($"≥ {target:0%} of the limit"), share >= target);
                table.Add($"{run}: p50 / p95", F($"{service.P50.TotalMilliseconds:0} / {service.P95.TotalMilliseconds:0} ms (limit {limit.P50.TotalMilliseconds:0} / {limit.P95.TotalMilliseconds:0})"));
            }

            table.Add($"{run}: CPU per item", F($"{service.CpuMsPerItem:0.00} ms (serve, {service.Cpu.TotalSeconds / service.Elapsed.TotalSeconds:0.00} cores busy; limit {limit.CpuMsPerItem:0.00} ms: client + stub)"));
            if (service.Tries is { } tries)
            {
                table.Add($"{run}: tries, mean duration (serve's /metrics)", F($"{tries.Tries:0} tries, {tries.MeanMs:0.0} ms each"));
            }
            table.Add($"{run}: peak RSS (VmHWM)", F($"{service.PeakRssMb:0} MB"), "≤ 200 MB", service.PeakRssMb <= RssTargetMb);
            table.Add($"{run}: exactly once", service.ExactlyOnce, "every run", service.ExactlyOnce == "yes");
            if (service.StartToLive is { } live)
            {
                table.Add($"{run}: serve start → /health/live", F($"{live.TotalSeconds:0.0} s, {service.StartCpu?.TotalSeconds:0.0} s CPU ({Path.GetFileName(Service.ServeNode.Folder.TrimEnd('/'))})"));
            }
        }

        return table;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
