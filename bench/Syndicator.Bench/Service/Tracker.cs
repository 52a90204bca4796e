using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Syndicator.Bench.Service;

/// <summary>
/// Submits items to the nodes (round robin), all at once or at an offered rate, and waits until the service has
/// nothing open on any channel. Waiting costs the service one <c>GET /api/channels</c> every 100 ms, nothing per item;
/// each item's own status is read once, after the clock has stopped.
/// </summary>
internal sealed class Tracker
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    private readonly IReadOnlyList<HttpClient> _nodes;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _submitted = new(StringComparer.Ordinal);

    public Tracker(IReadOnlyList<HttpClient> nodes) => _nodes = nodes;

    /// <summary>When each item's submission started (UTC, the same clock as the in-process sandbox's).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Submitted => _submitted;

    /// <summary>
    /// POSTs every id with up to <paramref name="submitters"/> requests in flight; with <paramref name="perSecond"/>, item
    /// <c>i</c> is sent no earlier than <c>i / perSecond</c> seconds after the start. Returns when all are accepted.
    /// </summary>
    public async Task SubmitAsync(IReadOnlyList<string> ids, int submitters, double? perSecond, CancellationToken cancellationToken)
    {
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, submitters).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < ids.Count; i = Interlocked.Increment(ref next))
            {
                if (perSecond is { } rate)
                {
                    var due = TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(start);
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due, TimeProvider.System, cancellationToken);
                    }
                }

                var id = ids[i];
                var node = _nodes[i % _nodes.Count];
                _submitted[id] = TimeProvider.System.GetUtcNow();
                using var response = await node.PostAsJsonAsync("api/items", ItemBody.Make(id), cancellationToken);
                if ((int)response.StatusCode != 202)
                {
                    throw new InvalidOperationException(
                        $"Submitting {id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
        }));
    }

    /// <summary>Polls <c>GET /api/channels</c> until no delivery of any channel is open; false when the time ran out.</summary>
    public async Task<bool> WaitDrainedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var channels = await _nodes[0].GetFromJsonAsync<JsonElement>("api/channels", cancellationToken);
            if (channels.EnumerateArray().All(c => c.GetProperty("pending").GetInt32() == 0))
            {
                return true;
            }

            await Task.Delay(PollEvery, TimeProvider.System, cancellationToken);
        }

        return false;
    }

    /// <summary>Reads each item once: its status, deliveries, attempts and whatever went wrong.</summary>
    public async Task<IReadOnlyList<Finished>> ReadAllAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var results = new ConcurrentBag<Finished>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            var node = _nodes[(int)((uint)StringComparer.Ordinal.GetHashCode(id) % (uint)_nodes.Count)];
            var item = await node.GetFromJsonAsync<JsonElement>($"api/items/{Uri.EscapeDataString(id)}", ct);
            var deliveries = item.GetProperty("deliveries").EnumerateArray().ToList();
            var errors = deliveries
                .Where(d => d.GetProperty("status").GetString() != "succeeded")
                .Select(d => $"{d.GetProperty("channel").GetString()}: {d.GetProperty("status").GetString()} {d.GetProperty("lastError")}")
                .ToList();
            results.Add(new Finished(id, item.GetProperty("status").GetString() ?? "?", deliveries.Count,
                deliveries.Sum(d => d.GetProperty("attempts").GetInt32()), errors));
        });
        return [.. results];
    }
}

/// <summary>An item as the service reports it after the run: its status, deliveries and attempts.</summary>
internal sealed record Finished(string Id, string Status, int Deliveries, int Attempts, IReadOnlyList<string> Problems);
