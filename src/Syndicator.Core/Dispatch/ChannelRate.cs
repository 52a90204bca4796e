namespace Syndicator.Core.Dispatch;

/// <summary>
/// A channel's rate limit: at most <c>MaxPerMinute</c> tries started in any sliding minute (0: no limit). The lane asks
/// before it claims, so deliveries over the limit stay pending in the store — not held in memory — and other lanes
/// are not affected. Thread-safe.
/// </summary>
public sealed class ChannelRate
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _started = new();
    private readonly int _perMinute;
    private readonly TimeProvider _time;

    public ChannelRate(int perMinute, TimeProvider time)
    {
        _perMinute = perMinute;
        _time = time;
    }

    /// <summary>How many of <paramref name="wanted"/> tries may start now.</summary>
    public int Admit(int wanted)
    {
        if (_perMinute <= 0)
        {
            return wanted;
        }

        lock (_gate)
        {
            Expire(_time.GetUtcNow());
            return Math.Min(wanted, _perMinute - _started.Count);
        }
    }

    /// <summary>Counts <paramref name="count"/> tries started now.</summary>
    public void Started(int count)
    {
        if (_perMinute <= 0)
        {
            return;
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            for (var i = 0; i < count; i++)
            {
                _started.Enqueue(now);
            }
        }
    }

    /// <summary>When the next try may start, if the limit is reached now; null when one may start at once.</summary>
    public DateTimeOffset? NextSlot
    {
        get
        {
            if (_perMinute <= 0)
            {
                return null;
            }

            lock (_gate)
            {
                Expire(_time.GetUtcNow());
                return _started.Count < _perMinute ? null : _started.Peek() + Window;
            }
        }
    }

    private void Expire(DateTimeOffset now)
    {
        while (_started.Count > 0 && now - _started.Peek() >= Window)
        {
            _started.Dequeue();
        }
    }
}
