using System.Diagnostics;
using System.Globalization;
using Syndicator.Bench.Service;

namespace Syndicator.Bench.Baseline;

/// <summary>
/// The raw limit a run of the service is compared with: a plain <see cref="HttpClient"/> making, per item and channel,
/// the same number of requests the service made (as the sandbox counted them), one after another as a connector's
/// steps are, the four channels side by side, with the same total concurrency, the same platform latency, and
/// nothing stored. Items arrive all at once, or at an offered rate.
/// </summary>
internal static class LimitScenario
{
    public static async Task<BenchResult> RunAsync(
        int items, IReadOnlyList<int> requestsPerChannel, int inFlight, TimeSpan latency, double? perSecond, CancellationToken cancellationToken)
    {
        await using var endpoints = await EchoEndpoints.StartAsync(requestsPerChannel.Count, latency);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = inFlight });
        var bodies = Enumerable.Range(0, items).Select(i => ItemBody.Make($"limit-{i:D6}").ToJsonString()).ToList();

        // Warm-up: JIT and connections, not measured.
        using (var warm = new SemaphoreSlim(inFlight))
        {
            await ItemAsync(http, endpoints.Addresses, requestsPerChannel, bodies[0], warm, cancellationToken);
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        using var slots = new SemaphoreSlim(inFlight);
        var latencies = new TimeSpan[items];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(bodies.Select(async (body, index) =>
        {
            if (perSecond is { } rate)
            {
                var due = TimeSpan.FromSeconds(index / rate) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, TimeProvider.System, cancellationToken);
                }
            }

            var started = Stopwatch.GetTimestamp();
            await ItemAsync(http, endpoints.Addresses, requestsPerChannel, body, slots, cancellationToken);
            latencies[index] = Stopwatch.GetElapsedTime(started);
        }));
        var elapsed = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var shape = string.Join("+", requestsPerChannel.Select(r => r.ToString(CultureInfo.InvariantCulture)));
        return new BenchResult(
            $"limit ({shape} requests, {inFlight} in flight{(latency > TimeSpan.Zero ? $", +{latency.TotalMilliseconds:0} ms" : "")}"
            + (perSecond is { } r ? $", offered {r:0.#}/s" : "") + ")",
            items, items * requestsPerChannel.Count, elapsed,
            BenchResult.Percentile(latencies, 0.50), BenchResult.Percentile(latencies, 0.99), cpu, "bench process, client + endpoints",
            "n/a (nothing stored)", [$"requests per item: {requestsPerChannel.Sum()} ({shape} over the four channels)"]);
    }

    private static async Task ItemAsync(
        HttpClient http, IReadOnlyList<Uri> addresses, IReadOnlyList<int> requestsPerChannel, string body, SemaphoreSlim slots,
        CancellationToken cancellationToken) =>
        await Task.WhenAll(addresses.Select(async (address, channel) =>
        {
            for (var request = 0; request < requestsPerChannel[channel]; request++)
            {
                await slots.WaitAsync(cancellationToken);
                try
                {
                    using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                    using var response = await http.PostAsync(address, content, cancellationToken);
                    response.EnsureSuccessStatusCode();
                    _ = await response.Content.ReadAsStringAsync(cancellationToken);
                }
                finally
                {
                    slots.Release();
                }
            }
        }));
}
