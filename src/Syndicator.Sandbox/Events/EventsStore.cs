using System.Text.Json.Nodes;

namespace Syndicator.Sandbox.Events;

/// <summary>One event as received: by its <c>webhook-id</c>, how often it came and whether its signature held.</summary>
/// <param name="Id">The <c>webhook-id</c> header.</param>
/// <param name="Type">The payload's <c>type</c>, or null when it was not JSON with one.</param>
/// <param name="Verified">The signature held (with the sandbox's events secret, within the timestamp tolerance).</param>
/// <param name="Problem">Why it did not, or null.</param>
/// <param name="Received">How many times this <c>webhook-id</c> arrived (a sender retries; a receiver de-duplicates).</param>
/// <param name="FirstReceivedAt">When it first arrived.</param>
/// <param name="Payload">The JSON payload of the first arrival, or null.</param>
public sealed record ReceivedEvent(
    string Id, string? Type, bool Verified, string? Problem, int Received, DateTimeOffset FirstReceivedAt, JsonObject? Payload);

/// <summary>The receiver's memory: one entry per <c>webhook-id</c>; an arrival with a verified signature counts over an unverified one.</summary>
internal sealed class EventsStore
{
    /// <summary>Distinct events kept at most; older ones are dropped first.</summary>
    public const int MaxEvents = 100_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, ReceivedEvent> _events = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Records an arrival; true when this id had already arrived verified (a duplicate).</summary>
    public bool Record(string id, string? type, string? problem, JsonObject? payload, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_events.TryGetValue(id, out var seen))
            {
                var verified = seen.Verified || problem is null;
                _events[id] = seen.Verified || problem is not null
                    ? seen with { Received = seen.Received + 1, Verified = verified }
                    : new ReceivedEvent(id, type, true, null, seen.Received + 1, seen.FirstReceivedAt, payload);
                return seen.Verified;
            }

            if (_order.Count >= MaxEvents && _order.TryDequeue(out var oldest))
            {
                _events.Remove(oldest);
            }

            _events[id] = new ReceivedEvent(id, type, problem is null, problem, 1, now, payload);
            _order.Enqueue(id);
            return false;
        }
    }

    public IReadOnlyList<ReceivedEvent> All(string? type)
    {
        lock (_lock)
        {
            return [.. _order.Select(id => _events[id]).Where(e => type is null || e.Type == type)];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _events.Clear();
            _order.Clear();
        }
    }
}
