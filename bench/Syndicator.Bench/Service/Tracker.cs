using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Syndicator.Bench.Service;

/// <summary>
/// Submits items to the nodes (round robin), all at once or at an offered rate, and waits until the service has
/// nothing open on any channel, printing its progress to standard error. Waiting costs the service one <c>GET /api/channels</c> every 100 ms, nothing per item;
/// each item's own status is read once, after the clock has stopped.
/// </summary>
internal sealed class Tracker
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long the open counts may stay the same before a wait gives up (a stall, not slowness): longer than the
    /// retry schedule's second step (2 min, ±20 % jitter), so one delivery's retry after a transient failure is waited for.
    /// </summary>
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(180);

    private readonly IReadOnlyList<HttpClient> _nodes;
    private readonly TextWriter _log;
    private readonly IReadOnlyList<string>? _channels;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _submitted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _submittedTicks = new(StringComparer.Ordinal);

    /// <param name="nodes">One client per serve process.</param>
    /// <param name="log">Where progress goes (standard error).</param>
    /// <param name="channels">Where items are routed; null: the four sandbox channels.</param>
    public Tracker(IReadOnlyList<HttpClient> nodes, TextWriter log, IReadOnlyList<string>? channels = null)
    {
        _nodes = nodes;
        _log = log;
        _channels = channels;
    }

    /// <summary>When each item's submission started (UTC, the same clock as the in-process sandbox's).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Submitted => _submitted;

    /// <summary>When each item's submission started, in <see cref="Stopwatch"/> ticks (the in-process stub's clock).</summary>
    public IReadOnlyDictionary<string, long> SubmittedTicks => _submittedTicks;

    /// <summary>
    /// POSTs every id with up to <paramref name="submitters"/> requests in flight; with <paramref name="perSecond"/>, item
    /// <c>i</c> is sent no earlier than <c>i / perSecond</c> seconds after the start. Returns when all are accepted.
    /// </summary>
    public async Task SubmitAsync(IReadOnlyList<string> ids, int submitters, double? perSecond, CancellationToken cancellationToken)
    {
        var next = -1;
        var accepted = 0;
        var start = Stopwatch.GetTimestamp();
        var work = Task.WhenAll(Enumerable.Range(0, submitters).Select(async _ =>
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
                _submittedTicks[id] = Stopwatch.GetTimestamp();
                HttpResponseMessage response;
                try
                {
                    response = await node.PostAsJsonAsync("api/items", ItemBody.Make(id, _channels), cancellationToken);
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new BenchTimeoutException($"POST /api/items for {id} was not answered within {node.Timeout.TotalSeconds:0} s ({accepted} of {ids.Count} accepted).");
                }

                using (response)
                {
                    if ((int)response.StatusCode != 202)
                    {
                        throw new InvalidOperationException(
                            $"Submitting {id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    }
                }

                Interlocked.Increment(ref accepted);
            }
        }));
        await Wait.WithProgressAsync("submitting", work, () => $"{Volatile.Read(ref accepted)} of {ids.Count} accepted", _log, cancellationToken);
    }

    /// <summary>
    /// Polls <c>GET /api/channels</c> until no delivery of any channel is open. Prints the open counts every few
    /// seconds; throws <see cref="BenchTimeoutException"/> (with a few open items and their errors) when
    /// <paramref name="timeout"/> passes or the counts stay the same for three minutes.
    /// </summary>
    public Task WaitDrainedAsync(string what, TimeSpan timeout, CancellationToken cancellationToken) =>
        Wait.UntilAsync(what, timeout, Stall, PollEvery, async ct =>
        {
            var channels = await _nodes[0].GetFromJsonAsync<JsonElement>("api/channels", ct);
            var open = channels.EnumerateArray().Select(c => (Id: c.GetProperty("id").GetString(), Open: c.GetProperty("pending").GetInt32())).ToList();
            return (open.All(c => c.Open == 0), "open deliveries " + string.Join(", ", open.Where(c => c.Open > 0).Select(c => $"{c.Id} {c.Open}")));
        }, _log, OpenItemsAsync, cancellationToken);

    /// <summary>A few items still in progress and what their open deliveries say: why a wait did not end.</summary>
    public async Task<string> OpenItemsAsync(CancellationToken cancellationToken)
    {
        var page = await _nodes[0].GetFromJsonAsync<JsonElement>("api/items?status=in_progress&limit=3", cancellationToken);
        var lines = page.GetProperty("items").EnumerateArray().SelectMany(item => item.GetProperty("deliveries").EnumerateArray()
            .Where(d => d.GetProperty("status").GetString() != "succeeded")
            .Select(d => $"  {item.GetProperty("id").GetString()} {d.GetProperty("channel").GetString()}: {d.GetProperty("status").GetString()}, "
                + $"{d.GetProperty("attempts").GetInt32()} attempt(s), next {d.GetProperty("nextAttemptAt")}, last error {d.GetProperty("lastError")}"));
        return "Items still in progress, as the service shows them:\n" + string.Join("\n", lines);
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
