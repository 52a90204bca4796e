using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Syndicator.Testing;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Bench.Service;

/// <summary>
/// Memory against a backlog: N items accepted while the dispatcher is paused (<c>Dispatcher:Enabled=false</c>), the
/// serve process's resident memory sampled idle, during and after; then a fresh process with the dispatcher on starts
/// working through that backlog, and its memory is sampled while it does.
/// </summary>
internal static class BacklogScenario
{
    public static async Task<int> RunAsync(int items, int submitters, TimeSpan drainFor, TextWriter output, TextWriter log, CancellationToken cancellationToken)
    {
        await using var sandbox = await SandboxServer.StartAsync(cancellationToken: cancellationToken);
        using (var control = sandbox.CreateClient())
        {
            using var response = await control.PostAsJsonAsync(
                "_sandbox/wechat/settings", new { publishDelaySeconds = 0, submitDailyLimit = 1_000_000 }, cancellationToken);
            response.EnsureSuccessStatusCode();
        }

        await using var store = await StoreUnderTest.CreateAsync(postgres: false);
        var key = (await ServeNode.RunAsync(["keys", "create", "--name", "bench", "--scope", "submit", "read", .. store.Arguments], cancellationToken)).Trim();

        // Phase 1: the dispatcher paused, the backlog accepted.
        var (idle, afterBacklog, peakAccepting, accepted) = await AcceptAsync(sandbox, store, key, items, submitters, log, cancellationToken);

        // Phase 2: a fresh process works through it.
        var (drainIdle, drainPeak, drainEnd, left) = await DrainAsync(sandbox, store, key, drainFor, log, cancellationToken);

        output.WriteLine();
        output.WriteLine("| backlog phase | RSS MB | vs idle |");
        output.WriteLine("|---|---:|---:|");
        Row(output, "idle, dispatcher paused (after 20 warm-up items)", idle, idle);
        Row(output, $"peak while accepting {items} items", peakAccepting, idle);
        Row(output, $"after accepting {items} items", afterBacklog, idle);
        Row(output, "fresh process with the dispatcher on, 5 s after start", drainIdle, idle);
        Row(output, $"peak while working through the backlog ({drainFor.TotalSeconds:0} s)", drainPeak, idle);
        Row(output, "at the end of that time", drainEnd, idle);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  - accepted: {accepted.TotalSeconds:0} s ({items / accepted.TotalSeconds:0} items/s); deliveries still open at the end: {left}"));
        return 0;
    }

    private static void Row(TextWriter output, string phase, double rss, double idle) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {phase} | {rss:0} | {(rss / idle - 1) * 100:+0;-0} % |"));

    private static async Task<(double Idle, double After, double Peak, TimeSpan Accepting)> AcceptAsync(
        SandboxServer sandbox, StoreUnderTest store, string key, int items, int submitters, TextWriter log, CancellationToken cancellationToken)
    {
        await using var node = await StartAsync(sandbox, store, paused: true, cancellationToken);
        using var client = Client(node, key, submitters);
        var tracker = new Tracker([client]);
        var run = Guid.NewGuid().ToString("N")[..6];
        await tracker.SubmitAsync(Enumerable.Range(0, 20).Select(i => $"warm-{run}-{i}").ToList(), 8, null, cancellationToken);
        var idle = node.RssMb;

        var peak = idle;
        using var sampling = new CancellationTokenSource();
        var sampler = SampleAsync(node, p => peak = Math.Max(peak, p), sampling.Token);
        var clock = Stopwatch.StartNew();
        var ids = Enumerable.Range(0, items).Select(i => $"b-{run}-{i:D6}").ToList();
        for (var start = 0; start < ids.Count; start += 10_000)
        {
            await tracker.SubmitAsync(ids.Skip(start).Take(10_000).ToList(), submitters, null, cancellationToken);
            log.WriteLine($"[backlog] {Math.Min(start + 10_000, ids.Count)} accepted after {clock.Elapsed.TotalSeconds:0} s, RSS {node.RssMb:0} MB");
        }

        var accepting = clock.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        return (idle, node.RssMb, peak, accepting);
    }

    private static async Task<(double Early, double Peak, double End, int Open)> DrainAsync(
        SandboxServer sandbox, StoreUnderTest store, string key, TimeSpan drainFor, TextWriter log, CancellationToken cancellationToken)
    {
        await using var node = await StartAsync(sandbox, store, paused: false, cancellationToken);
        using var client = Client(node, key, 4);
        await Task.Delay(TimeSpan.FromSeconds(5), TimeProvider.System, cancellationToken);
        var early = node.RssMb;
        var peak = early;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < drainFor)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System, cancellationToken);
            peak = Math.Max(peak, node.RssMb);
        }

        var channels = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("api/channels", cancellationToken);
        var open = channels.EnumerateArray().Sum(c => c.GetProperty("pending").GetInt32());
        log.WriteLine($"[backlog] after {drainFor.TotalSeconds:0} s of delivery: {open} deliveries open, RSS {node.RssMb:0} MB");
        return (early, peak, node.RssMb, open);
    }

    private static async Task SampleAsync(ServeNode node, Action<double> seen, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                seen(node.RssMb);
                await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Done sampling.
        }
    }

    private static async Task<ServeNode> StartAsync(SandboxServer sandbox, StoreUnderTest store, bool paused, CancellationToken cancellationToken)
    {
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        var node = ServeNode.Start(address,
            ["serve", "--urls", address.ToString().TrimEnd('/'), "--sandbox", sandbox.BaseAddress.ToString(), .. store.Arguments],
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Syndicator__Logging__LogLevel__Default"] = "Warning",
                ["Syndicator__Dispatcher__Enabled"] = paused ? "false" : "true",
            });
        await node.WaitUntilLiveAsync(TimeSpan.FromSeconds(60), cancellationToken);
        return node;
    }

    private static HttpClient Client(ServeNode node, string key, int inFlight)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = inFlight + 4 })
        {
            BaseAddress = node.BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
