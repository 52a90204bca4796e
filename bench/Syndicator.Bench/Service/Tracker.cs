using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Bench.Service;

/// <summary>
/// Submits items to the nodes (round robin) and watches them until each is <c>delivered</c> (or needs attention).
/// A sweep first asks the sandbox which items already have an article on every channel, then GETs only those from
/// the service, a few at a time, and pauses; so the watcher's reads (load on the service, counted) stay near one or
/// two per item. An item that needs attention shows no articles: every open item is read every five seconds.
/// </summary>
internal sealed class Tracker
{
    private const int ReadersInFlight = 4;
    private static readonly TimeSpan SweepPause = TimeSpan.FromMilliseconds(200);

    private readonly IReadOnlyList<HttpClient> _nodes;
    private readonly ConcurrentDictionary<string, long> _submitted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Finished> _finished = new(StringComparer.Ordinal);
    private long _reads;

    private readonly SandboxControlClient _sandbox;
    private static readonly TimeSpan FullSweepEvery = TimeSpan.FromSeconds(5);
    private long _lastFullSweep;

    public Tracker(IReadOnlyList<HttpClient> nodes, SandboxControlClient sandbox)
    {
        _nodes = nodes;
        _sandbox = sandbox;
    }

    public long Reads => Interlocked.Read(ref _reads);

    public IReadOnlyCollection<Finished> Results => _finished.Values.ToList();

    /// <summary>POSTs every id with <paramref name="submitters"/> requests in flight; returns when all are accepted.</summary>
    public async Task SubmitAsync(IReadOnlyList<string> ids, int submitters, CancellationToken cancellationToken)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, submitters).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < ids.Count; i = Interlocked.Increment(ref next))
            {
                var id = ids[i];
                var node = _nodes[i % _nodes.Count];
                var started = Stopwatch.GetTimestamp();
                _submitted[id] = started;
                using var response = await node.PostAsJsonAsync("api/items", ItemBody.Make(id), cancellationToken);
                if ((int)response.StatusCode != 202)
                {
                    throw new InvalidOperationException(
                        $"Submitting {id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }

                _accepted[id] = true;
            }
        }));
    }

    /// <summary>Sweeps until every one of <paramref name="ids"/> is finished; false when <paramref name="timeout"/> ran out.</summary>
    public async Task<bool> WatchAsync(IReadOnlyList<string> ids, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var open = ids.Where(id => _accepted.ContainsKey(id) && !_finished.ContainsKey(id)).ToList();
            if (open.Count == 0 && ids.All(_finished.ContainsKey))
            {
                return true;
            }

            if (Stopwatch.GetElapsedTime(_lastFullSweep) < FullSweepEvery)
            {
                var everywhere = await EverywhereAsync(cancellationToken);
                open = open.Where(everywhere.Contains).ToList();
            }

            else
            {
                _lastFullSweep = Stopwatch.GetTimestamp();
            }

            await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = ReadersInFlight, CancellationToken = cancellationToken },
                async (id, ct) => await ReadAsync(id, ct));
            await Task.Delay(SweepPause, TimeProvider.System, cancellationToken);
        }

        return false;
    }

    /// <summary>Ids of the items with an article on all four channels (by source id, else the id within the title).</summary>
    private async Task<HashSet<string>> EverywhereAsync(CancellationToken cancellationToken)
    {
        HashSet<string>? ids = null;
        foreach (var channel in ItemBody.Channels)
        {
            var present = (await _sandbox.GetArticlesAsync(channel, cancellationToken))
                .Select(a => a.SourceId ?? ItemBody.IdIn(a.Title))
                .OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
            ids = ids is null ? present : [.. ids.Intersect(present)];
        }

        return ids ?? [];
    }

    private async Task ReadAsync(string id, CancellationToken cancellationToken)
    {
        var node = _nodes[(int)((uint)StringComparer.Ordinal.GetHashCode(id) % (uint)_nodes.Count)];
        Interlocked.Increment(ref _reads);
        var item = await node.GetFromJsonAsync<JsonElement>($"api/items/{Uri.EscapeDataString(id)}", cancellationToken);
        var status = item.GetProperty("status").GetString();
        if (status is "delivered" or "attention")
        {
            var deliveries = item.GetProperty("deliveries").EnumerateArray().ToList();
            var attempts = deliveries.Sum(d => d.GetProperty("attempts").GetInt32());
            var errors = deliveries
                .Where(d => d.GetProperty("status").GetString() != "succeeded")
                .Select(d => $"{d.GetProperty("channel").GetString()}: {d.GetProperty("status").GetString()} {d.GetProperty("lastError")}")
                .ToList();
            _finished[id] = new Finished(id, status, Stopwatch.GetElapsedTime(_submitted[id]), deliveries.Count, attempts, errors);
        }
    }
}

/// <summary>An item seen finished: its end-to-end latency (submit to first observation), deliveries and attempts.</summary>
internal sealed record Finished(string Id, string Status, TimeSpan Latency, int Deliveries, int Attempts, IReadOnlyList<string> Problems);
