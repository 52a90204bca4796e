using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Syndicator.Bench.Service;

namespace Syndicator.Bench.Baseline;

/// <summary>
/// The ceiling on this machine: every item POSTed to four loopback endpoints with a plain <see cref="HttpClient"/>,
/// a fixed number of requests in flight, nothing stored. Latency per item runs from its first request's start to its
/// last answer.
/// </summary>
internal static class BaselineScenario
{
    private const int Endpoints = 4;

    public static async Task<BenchResult> RunAsync(int items, int inFlight, CancellationToken cancellationToken)
    {
        await using var endpoints = await EchoEndpoints.StartAsync(Endpoints);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = inFlight });
        var bodies = Enumerable.Range(0, items).Select(i => ItemBody.Make($"base-{i:D6}")).ToList();

        // Warm-up: JIT and connections, not measured and not counted.
        await FanOutAsync(http, endpoints.Addresses, [ItemBody.Make("warm-up")], inFlight, cancellationToken);

        var before = endpoints.Addresses.Select((_, i) => endpoints.CountAt(i)).ToList();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var latencies = await FanOutAsync(http, endpoints.Addresses, bodies, inFlight, cancellationToken);
        var elapsed = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var received = endpoints.Addresses.Select((_, i) => endpoints.CountAt(i) - before[i]).ToList();
        var exact = received.All(r => r == items) ? "yes" : "NO: " + string.Join("/", received);
        return new BenchResult(
            $"baseline ({inFlight} in flight)", items, items * Endpoints, elapsed,
            BenchResult.Percentile(latencies, 0.50), BenchResult.Percentile(latencies, 0.99), cpu, "bench process, client + endpoints",
            exact, [$"requests per endpoint: {string.Join(", ", received)}"]);
    }

    private static async Task<IReadOnlyList<TimeSpan>> FanOutAsync(
        HttpClient http, IReadOnlyList<Uri> addresses, List<JsonObject> bodies, int inFlight, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(inFlight);
        var latencies = new TimeSpan[bodies.Count];
        var tasks = bodies.Select(async (body, index) =>
        {
            var text = body.ToJsonString();
            long started = 0;
            await Task.WhenAll(addresses.Select(async address =>
            {
                await slots.WaitAsync(cancellationToken);
                try
                {
                    Interlocked.CompareExchange(ref started, Stopwatch.GetTimestamp(), 0);
                    using var content = new StringContent(text, System.Text.Encoding.UTF8, "application/json");
                    using var response = await http.PostAsync(address, content, cancellationToken);
                    response.EnsureSuccessStatusCode();
                    _ = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
                }
                finally
                {
                    slots.Release();
                }
            }));
            latencies[index] = Stopwatch.GetElapsedTime(started);
        });
        await Task.WhenAll(tasks);
        return latencies;
    }
}
