using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Syndicator.Bench.Service;

namespace Syndicator.Bench.Anchors;

/// <summary>
/// The raw limit: a plain <see cref="HttpClient"/> in the bench making the same four POSTs per item (one to each of the
/// stub's endpoints, a ~4 KB JSON event with its own <c>webhook-id</c>) at the same latency, with the same number of
/// requests in flight, nothing stored and nothing signed.
/// </summary>
internal static class AnchorsLimit
{
    public static async Task<RunFigures> RunAsync(
        StubReceiver stub, string run, int items, int inFlight, int latencyMs, double? perSecond, TextWriter log, CancellationToken cancellationToken)
    {
        stub.LatencyMs = latencyMs;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = inFlight }) { Timeout = TimeSpan.FromMinutes(2) };
        using var slots = new SemaphoreSlim(inFlight);

        // Warm-up: JIT and connections, not measured.
        var warm = Enumerable.Range(0, 2 * inFlight).Select(i => $"lw-{i:D4}").ToList();
        await Task.WhenAll(warm.Select(id => ItemAsync(http, stub.Addresses, Body(id), slots, null, cancellationToken)));
        stub.Reset();

        var ids = Enumerable.Range(0, items).Select(i => $"lim-{i:D6}").ToList();
        var bodies = ids.Select(Body).ToList();
        var started = new Dictionary<string, long>(StringComparer.Ordinal);
        var startedAt = new long[items];
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.GetTimestamp();
        var work = Task.WhenAll(bodies.Select(async (body, index) =>
        {
            if (perSecond is { } rate)
            {
                var due = TimeSpan.FromSeconds(index / rate) - Stopwatch.GetElapsedTime(clock);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, TimeProvider.System, cancellationToken);
                }
            }

            await ItemAsync(http, stub.Addresses, body, slots, index, cancellationToken, startedAt);
        }));
        await Wait.WithProgressAsync($"[{run}, limit] sending", work, () => $"endpoints have {string.Join("/", stub.ItemsAt)} of {items}", log, cancellationToken);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        for (var i = 0; i < items; i++)
        {
            started[ids[i]] = startedAt[i];
        }

        var receipts = stub.Receipts;
        var (elapsed, p50, p95) = RunFigures.Timing(receipts, started, clock);
        return new RunFigures(run, $"limit (HttpClient, {inFlight} in flight)", items, elapsed, p50, p95, cpu, "bench: client + stub",
            RunFigures.CheckExactlyOnce(receipts, ids, stub.Addresses.Count));
    }

    private static byte[] Body(string id)
    {
        var item = ItemBody.Make(id);
        var envelope = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "item.published",
            ["timestamp"] = "2026-03-01T00:00:00+00:00",
            ["data"] = new System.Text.Json.Nodes.JsonObject { ["itemId"] = id, ["item"] = item },
        };
        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }

    /// <summary>The item's four POSTs side by side; its start is when its first request gets a slot.</summary>
    private static async Task ItemAsync(
        HttpClient http, IReadOnlyList<Uri> addresses, byte[] body, SemaphoreSlim slots, int? index, CancellationToken cancellationToken,
        long[]? startedAt = null)
    {
        await Task.WhenAll(addresses.Select(async address =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                if (index is { } i && startedAt is not null)
                {
                    Interlocked.CompareExchange(ref startedAt[i], Stopwatch.GetTimestamp(), 0);
                }

                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = content };
                request.Headers.Add("webhook-id", Guid.NewGuid().ToString("N"));
                using var response = await http.SendAsync(request, cancellationToken);
                response.EnsureSuccessStatusCode();
                _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }));
    }
}
