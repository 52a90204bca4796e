using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Syndicator.Testing;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Bench.Service;

/// <summary>
/// The real service end to end: <c>syndicator serve</c> process(es) against the in-process sandbox, N items routed to
/// all four channels submitted at once, timed from the first submission until every item is <c>delivered</c>;
/// then exactly-once is checked on the platforms (one live article per item on each channel).
/// </summary>
internal static class SyndicatorScenario
{
    public static async Task<BenchResult> RunAsync(ServiceSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        if (settings.Nodes > 1 && !settings.Postgres)
        {
            throw new ArgumentException("--nodes above 1 needs --postgres: SQLite serves one process.", nameof(settings));
        }

        await using var sandbox = await SandboxServer.StartAsync(cancellationToken: cancellationToken);
        await SandboxSetup.StartedAsync(sandbox, settings.LatencyMs, ItemBody.Channels, cancellationToken);

        await using var store = await StoreUnderTest.CreateAsync(settings.Postgres);
        log.WriteLine($"[{settings.Describe()}] store: {store.Name}; creating a key");
        var key = (await ServeNode.RunAsync(["keys", "create", "--name", "bench", "--scope", "submit", "read", .. store.Arguments], cancellationToken)).Trim();

        var nodes = new List<ServeNode>();
        var clients = new List<HttpClient>();
        try
        {
            for (var i = 0; i < settings.Nodes; i++)
            {
                var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
                nodes.Add(ServeNode.Start(address,
                    ["serve", "--urls", address.ToString().TrimEnd('/'), "--sandbox", sandbox.BaseAddress.ToString(), .. store.Arguments],
                    Environment(settings)));
            }

            foreach (var node in nodes)
            {
                await node.WaitUntilLiveAsync(TimeSpan.FromSeconds(60), cancellationToken);
                var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Submitters + 8 })
                {
                    BaseAddress = node.BaseAddress,
                    Timeout = TimeSpan.FromMinutes(2),
                };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
                clients.Add(client);
            }

            return await MeasureAsync(settings, sandbox, nodes, clients, log, cancellationToken);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static Dictionary<string, string> Environment(ServiceSettings settings)
    {
        var environment = new Dictionary<string, string>(settings.Extra, StringComparer.Ordinal)
        {
            ["Syndicator__Logging__LogLevel__Default"] = settings.LogLevel,
        };
        SandboxSetup.LiftServiceBudgets(environment);
        if (settings.LaneConcurrency is { } lanes)
        {
            foreach (var channel in ItemBody.Channels)
            {
                environment[$"Syndicator__Channels__{channel}__MaxConcurrency"] = lanes.ToString(CultureInfo.InvariantCulture);
            }
        }

        return environment;
    }

    private static async Task<BenchResult> MeasureAsync(
        ServiceSettings settings, SandboxServer sandbox, List<ServeNode> nodes, List<HttpClient> clients,
        TextWriter log, CancellationToken cancellationToken)
    {
        var tracker = new Tracker(clients, log);
        var run = Guid.NewGuid().ToString("N")[..6];

        // Warm-up: a few items per node through all four channels (JIT, connections, tokens), not measured.
        var warmUp = Enumerable.Range(0, 4 * nodes.Count).Select(i => $"warm-{run}-{i}").ToList();
        log.WriteLine($"[{settings.Describe()}] warm-up: {warmUp.Count} item(s)");
        await tracker.SubmitAsync(warmUp, warmUp.Count, null, cancellationToken);
        await tracker.WaitDrainedAsync($"[{settings.Describe()}] warm-up delivered", TimeSpan.FromSeconds(90), cancellationToken);

        var ids = Enumerable.Range(0, settings.Items).Select(i => $"b-{run}-{i:D6}").ToList();
        var statsBefore = await StatsAsync(sandbox, cancellationToken);
        var cpuBefore = nodes.Select(n => n.Cpu).ToList();
        var benchCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var startedAt = TimeProvider.System.GetUtcNow();
        var clock = Stopwatch.StartNew();
        log.WriteLine($"[{settings.Describe()}] submitting {ids.Count} items, {settings.Submitters} in flight"
            + (settings.OfferedPerSecond is { } rate ? $", {rate:0.#} per second" : ""));

        try
        {
            await tracker.SubmitAsync(ids, settings.Submitters, settings.OfferedPerSecond, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException(
                ex.Message + "\n" + string.Join("\n", nodes.Select((n, i) => $"--- node {i} output (last lines) ---\n{n.Output}")), ex);
        }

        var submitted = clock.Elapsed;
        log.WriteLine($"[{settings.Describe()}] all accepted after {submitted.TotalSeconds:0.0} s; waiting for delivery");
        await tracker.WaitDrainedAsync($"[{settings.Describe()}] every delivery done", settings.Timeout, cancellationToken);
        var elapsed = clock.Elapsed;
        var cpu = nodes.Select((n, i) => n.Cpu - cpuBefore[i]).Aggregate(TimeSpan.Zero, (a, b) => a + b);
        var benchCpu = Process.GetCurrentProcess().TotalProcessorTime - benchCpuBefore;
        var peakRss = nodes.Max(n => n.PeakRssMb);

        // After the clock: each item's status once, and when its article appeared on each platform.
        var finished = await tracker.ReadAllAsync(ids, cancellationToken);
        var live = await LiveAtAsync(sandbox, cancellationToken);
        var latencies = ids
            .Where(id => ItemBody.Channels.All(c => live[c].ContainsKey(id)))
            .Select(id => ItemBody.Channels.Max(c => live[c][id]) - tracker.Submitted[id])
            .ToList();
        var notes = new List<string>
        {
            $"submit phase (all {ids.Count} accepted, 202): {submitted.TotalSeconds:0.0} s = {ids.Count / submitted.TotalSeconds:0} items/s intake",
            $"latency = submission to the item's article on the last of its four platforms (the sandbox's clock); {latencies.Count} items measured",
            $"attempts per delivery: {(double)finished.Sum(f => f.Attempts) / Math.Max(1, finished.Sum(f => f.Deliveries)):0.00}",
            $"bench process CPU (sandbox + client): {benchCpu.TotalSeconds:0.0} s",
        };
        foreach (var problem in finished.Where(f => f.Status != "delivered").Take(5))
        {
            notes.Add($"{problem.Id} {problem.Status}: {string.Join("; ", problem.Problems)}");
        }

        var expected = warmUp.Count + ids.Count;
        var (exactly, requests) = await SandboxTally.CheckAsync(sandbox, expected, startedAt, statsBefore, ids.Count, notes, cancellationToken);
        var delivered = finished.Count(f => f.Status == "delivered");
        return new BenchResult(
            settings.Describe(), delivered, delivered * ItemBody.Channels.Length, elapsed,
            BenchResult.Percentile(latencies, 0.50), BenchResult.Percentile(latencies, 0.99), cpu,
            $"{nodes.Count} serve process{(nodes.Count > 1 ? "es" : "")}", exactly, notes)
        {
            PeakRssMb = peakRss,
            RequestsPerDelivery = requests,
        };
    }

    /// <summary>Per channel: each item's id → when its (live) article was created on the platform.</summary>
    private static async Task<Dictionary<string, Dictionary<string, DateTimeOffset>>> LiveAtAsync(
        SandboxServer sandbox, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, Dictionary<string, DateTimeOffset>>(StringComparer.Ordinal);
        foreach (var channel in ItemBody.Channels)
        {
            var byId = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            foreach (var article in (await sandbox.Control.GetArticlesAsync(channel, cancellationToken)).Where(a => !a.Deleted))
            {
                if ((article.SourceId ?? ItemBody.IdIn(article.Title)) is { } id)
                {
                    byId[id] = article.CreatedAt;
                }
            }

            all[channel] = byId;
        }

        return all;
    }

    private static async Task<Dictionary<string, SandboxStats>> StatsAsync(SandboxServer sandbox, CancellationToken cancellationToken)
    {
        var stats = new Dictionary<string, SandboxStats>(StringComparer.Ordinal);
        foreach (var channel in ItemBody.Channels)
        {
            stats[channel] = await sandbox.Control.GetStatsAsync(channel, cancellationToken);
        }

        return stats;
    }
}
