using System.Globalization;
using Syndicator.Bench.Baseline;

namespace Syndicator.Bench.Service;

/// <summary>What <c>compare</c> is asked for.</summary>
internal sealed record CompareSettings(int Items, int LaneConcurrency, int OfferedItems, int OfferedRate, TimeSpan Timeout);

/// <summary>
/// The real connectors: the service against the sandbox's four emulated platforms at 0 ms and 20 ms (each followed by
/// the raw limit making the same requests), then at an offered rate; the figures and the target table.
/// </summary>
internal static class CompareRun
{
    /// <summary>Today's figure the issue measures against: 98 items/s at 0 ms; the target is three times it.</summary>
    private const double TodayItemsPerSecond = 98;

    private const double CpuTargetMs = 15;

    private static readonly int[] Latencies = [0, 20];

    public static async Task<(TargetTable Table, bool Exactly)> RunAsync(
        CompareSettings settings, TextWriter output, TextWriter log, CancellationToken cancellationToken)
    {
        var k = settings.LaneConcurrency;
        var rows = new List<BenchResult>();
        var table = new TargetTable("Real connectors (sandbox: portal jcms, bureau sscms, approval trswcm, wechat)");
        IReadOnlyList<int> shape = [1, 2, 4, 4]; // as measured on 2026-12-03; replaced by each run's own counts
        var stoppedRuns = 0;
        foreach (var latency in Latencies)
        {
            if (await TryRunAsync(new ServiceSettings { Items = settings.Items, LaneConcurrency = k, LatencyMs = latency, Timeout = settings.Timeout },
                    $"{latency} ms", table, log, cancellationToken) is not { } service)
            {
                stoppedRuns++;
                continue;
            }

            service.Print(log);
            shape = ItemBody.Channels.Select(c => Math.Max(1, (int)Math.Round(service.RequestsPerDelivery.GetValueOrDefault(c, 1)))).ToList();
            var limit = await LimitScenario.RunAsync(settings.Items, shape, 4 * k, TimeSpan.FromMilliseconds(latency), null, cancellationToken);
            limit.Print(log);
            rows.Add(service);
            rows.Add(limit);
            var share = service.ItemsPerSecond / limit.ItemsPerSecond;
            var throughput = F($"{service.ItemsPerSecond:0.0} items/s ({share:0.0%} of the limit's {limit.ItemsPerSecond:0.0})");
            if (latency == 0)
            {
                table.Add("0 ms: throughput", throughput, F($"≥ 3 × {TodayItemsPerSecond:0} = {3 * TodayItemsPerSecond:0} items/s"),
                    service.ItemsPerSecond >= 3 * TodayItemsPerSecond);
            }
            else
            {
                table.Add($"{latency} ms: throughput", throughput);
            }

            table.Add($"{latency} ms: CPU per item", F($"{service.CpuMsPerItem:0.00} ms (serve)"), F($"≤ {CpuTargetMs:0} ms"), service.CpuMsPerItem <= CpuTargetMs);
            table.Add($"{latency} ms: peak RSS (VmHWM)", F($"{service.PeakRssMb:0} MB"));
            table.Add($"{latency} ms: exactly once", service.ExactlyOnce, "every run", service.ExactlyOnce == "yes");
        }

        if (await TryRunAsync(new ServiceSettings
            {
                Items = settings.OfferedItems, LaneConcurrency = k, LatencyMs = 20, OfferedPerSecond = settings.OfferedRate, Timeout = settings.Timeout,
            }, F($"offered {settings.OfferedRate}/s, 20 ms"), table, log, cancellationToken) is { } offered)
        {
            offered.Print(log);
            var offeredLimit = await LimitScenario.RunAsync(settings.OfferedItems, shape, 4 * k, TimeSpan.FromMilliseconds(20), settings.OfferedRate, cancellationToken);
            rows.Add(offered);
            rows.Add(offeredLimit);
            table.Add(F($"offered {settings.OfferedRate}/s, 20 ms: p50 submit → last platform"),
                F($"{offered.P50.TotalMilliseconds:0.0} ms (limit {offeredLimit.P50.TotalMilliseconds:0.0} ms)"));
            table.Add(F($"offered {settings.OfferedRate}/s, 20 ms: exactly once"), offered.ExactlyOnce, "every run", offered.ExactlyOnce == "yes");
        }
        else
        {
            stoppedRuns++;
        }

        output.WriteLine();
        output.WriteLine(BenchResult.Header);
        rows.ForEach(r => output.WriteLine(r.Row()));
        table.Print(output);
        var services = rows.Where(r => r.Scenario.StartsWith("syndicator", StringComparison.Ordinal)).ToList();
        table.Stopped = stoppedRuns > 0;
        return (table, services.All(r => r.ExactlyOnce == "yes"));
    }

    /// <summary>One run of the service; a run that stalls past its deadline becomes a "stopped" row and the next run still goes.</summary>
    private static async Task<BenchResult?> TryRunAsync(
        ServiceSettings settings, string label, TargetTable table, TextWriter log, CancellationToken cancellationToken)
    {
        try
        {
            return await SyndicatorScenario.RunAsync(settings, log, cancellationToken);
        }
        catch (BenchTimeoutException stopped)
        {
            log.WriteLine("bench: " + stopped.Message);
            table.Add($"{label}: run", $"stopped: {stopped.Message.Split('\n')[0].Replace('|', '/')}", "finishes", false);
            return null;
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
