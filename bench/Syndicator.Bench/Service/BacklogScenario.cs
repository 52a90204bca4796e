using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Syndicator.Bench.Anchors;

namespace Syndicator.Bench.Service;

/// <summary>What the backlog run measured.</summary>
internal sealed record BacklogFigures(
    int Wanted, int Accepted, TimeSpan Elapsed, double FirstRate, double LastRate, double IdleRssMb, double PeakRssMb, double AfterRssMb, bool TimedOut);

/// <summary>
/// Intake with a backlog: one serve process with the dispatcher off (<c>Dispatcher:Enabled=false</c>, as in a platform
/// outage) and the anchors' four webhook channels accepts N items, 32 in flight; nothing is delivered. Measured: the
/// intake rate of the first and the last 1,000, and resident memory (VmRSS) idle, at its peak and after.
/// </summary>
internal static class BacklogScenario
{
    private const int Window = 1000;

    public static async Task<BacklogFigures> RunAsync(int items, int inFlight, TimeSpan timeout, TextWriter log, CancellationToken cancellationToken)
    {
        await using var stub = await StubReceiver.StartAsync(AnchorsService.Channels.Length);
        await using var service = await AnchorsService.StartAsync(stub, 8, inFlight, dispatcher: false, log, cancellationToken);
        var tag = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz", 6);
        var node = service.Node;

        // Warm-up: 20 items (JIT, the store's first pages), then memory at rest.
        await SubmitAsync(service.Client, Enumerable.Range(0, 20).Select(i => $"bw-{tag}-{i:D2}").ToList(), 8, new long[20], null, cancellationToken);
        var idle = node.RssMb;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[backlog] idle after 20 warm-up items: RSS {idle:0} MB; accepting {items} items, {inFlight} in flight"));

        var ids = Enumerable.Range(0, items).Select(i => $"bk-{tag}-{i:D6}").ToList();
        var acceptedAt = new long[items];
        var accepted = new int[1];
        var peak = idle;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var clock = Stopwatch.GetTimestamp();
        var work = SubmitAsync(service.Client, ids, inFlight, acceptedAt, accepted, deadline.Token);
        var timedOut = false;
        try
        {
            await Wait.WithProgressAsync("[backlog] accepting", work, () =>
            {
                peak = Math.Max(peak, node.RssMb);
                var n = Volatile.Read(ref accepted[0]);
                return string.Create(CultureInfo.InvariantCulture, $"{n} of {items} accepted, {n / Stopwatch.GetElapsedTime(clock).TotalSeconds:0} items/s so far, RSS {node.RssMb:0} MB");
            }, log, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
            log.WriteLine($"[backlog] the deadline of {timeout.TotalSeconds:0} s passed after {Volatile.Read(ref accepted[0])} of {items} accepted; reporting what was reached");
        }

        var done = Volatile.Read(ref accepted[0]);
        var elapsed = Stopwatch.GetElapsedTime(clock);
        var after = node.RssMb;
        peak = Math.Max(peak, after);
        var first = done >= Window ? Window / Stopwatch.GetElapsedTime(clock, acceptedAt[Window - 1]).TotalSeconds : 0;
        var last = done >= 2 * Window ? Window / Stopwatch.GetElapsedTime(acceptedAt[done - Window - 1], acceptedAt[done - 1]).TotalSeconds : 0;
        return new BacklogFigures(items, done, elapsed, first, last, idle, peak, after, timedOut);
    }

    /// <summary>POSTs every id, <paramref name="inFlight"/> at a time; the n-th acceptance's time goes to <c>acceptedAt[n]</c>.</summary>
    private static Task SubmitAsync(
        HttpClient client, List<string> ids, int inFlight, long[] acceptedAt, int[]? accepted, CancellationToken cancellationToken)
    {
        var next = -1;
        var count = accepted ?? new int[1];
        return Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < ids.Count; i = Interlocked.Increment(ref next))
            {
                using var response = await client.PostAsJsonAsync("api/items", ItemBody.Make(ids[i], AnchorsService.Channels), cancellationToken);
                if ((int)response.StatusCode != 202)
                {
                    throw new InvalidOperationException(
                        $"Submitting {ids[i]} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }

                acceptedAt[Interlocked.Increment(ref count[0]) - 1] = Stopwatch.GetTimestamp();
            }
        }));
    }

    public static TargetTable Table(BacklogFigures f)
    {
        var table = new TargetTable(string.Create(CultureInfo.InvariantCulture,
            $"Backlog ({f.Wanted:N0} items accepted with the dispatcher off, 32 in flight)"));
        table.Add("accepted", string.Create(CultureInfo.InvariantCulture,
            $"{f.Accepted:N0} of {f.Wanted:N0} in {f.Elapsed.TotalSeconds:0} s ({f.Accepted / f.Elapsed.TotalSeconds:0} items/s)"),
            "all", f.Accepted == f.Wanted);
        table.Add("intake, first 1,000", string.Create(CultureInfo.InvariantCulture, $"{f.FirstRate:0} items/s"));
        var ratio = f.FirstRate > 0 ? f.LastRate / f.FirstRate : 0;
        table.Add($"intake, last 1,000{(f.TimedOut ? " reached" : "")}", string.Create(CultureInfo.InvariantCulture, $"{f.LastRate:0} items/s = {ratio:0.00} × the first"),
            "≥ 0.8 × the first", !f.TimedOut && ratio >= 0.8);
        table.Add("RSS idle (after 20 warm-up items)", string.Create(CultureInfo.InvariantCulture, $"{f.IdleRssMb:0} MB"));
        table.Add("RSS peak while accepting", string.Create(CultureInfo.InvariantCulture, $"{f.PeakRssMb:0} MB ({(f.PeakRssMb / f.IdleRssMb - 1) * 100:+0;-0} %)"));
        table.Add("RSS after", string.Create(CultureInfo.InvariantCulture, $"{f.AfterRssMb:0} MB ({(f.AfterRssMb / f.IdleRssMb - 1) * 100:+0;-0} %)"),
            "≤ idle + 20 %", f.AfterRssMb <= f.IdleRssMb * 1.2);
        return table;
    }
}
