using System.Collections.Concurrent;

namespace Syndicator.Core.Dispatch;

/// <summary>
/// Wakes a channel's lane when work may have arrived (intake, a command, a finished delivery) so it need not wait
/// for its poll. Signals are hints: a lane that misses one still finds the work on its next look.
/// </summary>
public sealed class DispatchSignal
{
    private readonly ConcurrentDictionary<string, LaneSignal> _lanes = new(StringComparer.Ordinal);

    public void Notify(string channel) => For(channel).Set();

    public void Notify(IEnumerable<string> channels)
    {
        foreach (var channel in channels)
        {
            Notify(channel);
        }
    }

    /// <summary>Wakes every event subscription's lane: events were recorded (an item accepted, a delivery ended).</summary>
    public void NotifyEvents()
    {
        foreach (var (key, lane) in _lanes)
        {
            if (key.StartsWith(EventLanePrefix, StringComparison.Ordinal))
            {
                lane.Set();
            }
        }
    }

    /// <summary>The lane name of a subscription's events.</summary>
    public static string EventLane(string subscription) => EventLanePrefix + subscription;

    private const string EventLanePrefix = "events:";

    internal LaneSignal For(string channel) => _lanes.GetOrAdd(channel, _ => new LaneSignal());
}

/// <summary>An auto-resetting, awaitable flag.</summary>
internal sealed class LaneSignal
{
    private TaskCompletionSource _set = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Volatile.Read(ref _set).TrySetResult();

    /// <summary>Completes when <see cref="Set"/> is called (at once when it was called since the last reset).</summary>
    public Task WaitAsync() => Volatile.Read(ref _set).Task;

    public void Reset()
    {
        var current = Volatile.Read(ref _set);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _set, new(TaskCreationOptions.RunContinuationsAsynchronously), current);
        }
    }
}
