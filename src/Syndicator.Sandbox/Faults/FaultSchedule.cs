namespace Syndicator.Sandbox.Faults;

/// <summary>The faults of one channel, applied in the order added; a fault's count decrements only when it hits.</summary>
internal sealed class FaultSchedule
{
    private readonly Lock _gate = new();
    private readonly List<Fault> _faults = [];

    public void Add(Fault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    public IReadOnlyList<FaultView> Active(DateTimeOffset now)
    {
        lock (_gate)
        {
            _faults.RemoveAll(f => f.IsSpent(now));
            return [.. _faults.Select(static f => f.ToView())];
        }
    }

    /// <summary>
    /// The first live fault matching <paramref name="path"/>, counted as hit; null when none. One request meets at
    /// most one fault, so a schedule reads as a queue: "3 × 503, then 1 × reset".
    /// </summary>
    public Fault? TryHit(string path, DateTimeOffset now)
    {
        lock (_gate)
        {
            _faults.RemoveAll(f => f.IsSpent(now));
            var fault = _faults.Find(f => f.Matches(path));
            if (fault is not null)
            {
                fault.Remaining--;
            }

            return fault;
        }
    }
}
