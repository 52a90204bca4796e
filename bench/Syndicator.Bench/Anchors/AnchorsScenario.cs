using System.Diagnostics;
using System.Security.Cryptography;
using Syndicator.Bench.Service;

namespace Syndicator.Bench.Anchors;

/// <summary>What the anchors' workload is asked for.</summary>
internal sealed record AnchorsSettings(int Items, int PacedItems, double PacedRate, int LaneConcurrency, TimeSpan Timeout)
{
    /// <summary>Requests in flight: the service's four lanes together, the limit's client, the submitters.</summary>
    public int InFlight => 4 * LaneConcurrency;
}

/// <summary>
/// The anchors' workload: N items × four <c>webhook</c> channels against the in-bench stub, at 0 ms and 20 ms and paced,
/// each run of the service followed by the raw limit at the same latency on the same stub (same run of the bench).
/// </summary>
internal static class AnchorsScenario
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(120);

    public static async Task<IReadOnlyList<RunFigures>> RunAsync(AnchorsSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        await using var stub = await StubReceiver.StartAsync(AnchorsService.Channels.Length);
        var figures = new List<RunFigures>();
        foreach (var (run, latency, paced, items) in new (string, int, double?, int)[]
        {
            ("0 ms", 0, null, settings.Items),
            ("20 ms", 20, null, settings.Items),
            ($"paced {settings.PacedRate:0.#}/s, 20 ms", 20, settings.PacedRate, settings.PacedItems),
        })
        {
            log.WriteLine($"[anchors {run}] the service: {items} items × {AnchorsService.Channels.Length} webhook channels");
            var service = await ServiceAsync(stub, settings, run, latency, paced, items, log, cancellationToken);
            log.WriteLine(RunFigures.Header);
            log.WriteLine(service.Row());
            log.WriteLine($"[anchors {run}] the limit");
            var limit = await AnchorsLimit.RunAsync(stub, run, items, settings.InFlight, latency, paced, log, cancellationToken);
            log.WriteLine(limit.Row());
            figures.Add(service);
            figures.Add(limit);
        }

        return figures;
    }

    private static async Task<RunFigures> ServiceAsync(
        StubReceiver stub, AnchorsSettings settings, string run, int latencyMs, double? perSecond, int items, TextWriter log,
        CancellationToken cancellationToken)
    {
        stub.LatencyMs = latencyMs;
        stub.Reset();
        await using var service = await AnchorsService.StartAsync(stub, settings.LaneConcurrency, settings.InFlight, dispatcher: true, log, cancellationToken);
        var tracker = new Tracker([service.Client], log, AnchorsService.Channels);
        var tag = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz", 6);

        // Warm-up: JIT, connections, the store's first pages; not measured.
        var warm = Enumerable.Range(0, settings.InFlight).Select(i => $"aw-{tag}-{i:D3}").ToList();
        await tracker.SubmitAsync(warm, settings.InFlight, null, cancellationToken);
        await ReceivedAsync(stub, $"[anchors {run}] warm-up received", warm.Count, TimeSpan.FromSeconds(120), tracker, log, cancellationToken);
        await tracker.WaitDrainedAsync($"[anchors {run}] warm-up done", TimeSpan.FromSeconds(60), cancellationToken);
        stub.Reset();

        var ids = Enumerable.Range(0, items).Select(i => $"an-{tag}-{i:D6}").ToList();
        var triesBefore = await AttemptMetrics.ReadAsync(service.Client, cancellationToken);
        var cpuBefore = service.Node.Cpu;
        var clock = Stopwatch.GetTimestamp();
        await tracker.SubmitAsync(ids, settings.InFlight, perSecond, cancellationToken);
        var intake = Stopwatch.GetElapsedTime(clock);
        await ReceivedAsync(stub, $"[anchors {run}] every item at every endpoint", items, settings.Timeout, tracker, log, cancellationToken);
        await tracker.WaitDrainedAsync($"[anchors {run}] every delivery done", TimeSpan.FromSeconds(120), cancellationToken);
        var cpu = service.Node.Cpu - cpuBefore;
        var tries = (await AttemptMetrics.ReadAsync(service.Client, cancellationToken)).Since(triesBefore);
        var receipts = stub.Receipts;
        var (elapsed, p50, p95) = RunFigures.Timing(receipts, tracker.SubmittedTicks, clock);
        return new RunFigures(run, $"service ({settings.LaneConcurrency} per channel)", items, elapsed, p50, p95, cpu, "serve process",
            RunFigures.CheckExactlyOnce(receipts, ids, stub.Addresses.Count))
        {
            PeakRssMb = service.Node.PeakRssMb,
            Intake = intake,
            StartToLive = service.Node.LiveAfter,
            StartCpu = service.Node.LiveCpu,
            Tries = tries,
        };
    }

    /// <summary>Waits until every endpoint has answered <paramref name="items"/> distinct items.</summary>
    private static Task ReceivedAsync(
        StubReceiver stub, string what, int items, TimeSpan deadline, Tracker tracker, TextWriter log, CancellationToken cancellationToken) =>
        Wait.UntilAsync(what, deadline, Stall, TimeSpan.FromMilliseconds(20), _ =>
        {
            var at = stub.ItemsAt;
            return Task.FromResult((at.All(n => n >= items), $"endpoints have {string.Join("/", at)} of {items} items"));
        }, log, tracker.OpenItemsAsync, cancellationToken);
}
