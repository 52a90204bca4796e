using Microsoft.Extensions.Logging;
using Syndicator.Core.Deliveries;

namespace Syndicator.Core.Dispatch;

/// <summary>
/// One lane: claims one queue's due work up to its concurrency limit and runs it — a channel's deliveries
/// (<see cref="DeliveryLaneWork"/>) or a subscription's events (<see cref="Events.EventLaneWork"/>). Lanes share nothing, so
/// a slow or failing channel or receiver never delays another.
/// </summary>
internal sealed class Lane<TLease>
{
    private readonly ILaneWork<TLease> _work;
    private readonly LaneSignal _signal;
    private readonly ChannelCircuit _circuit;
    private readonly ChannelRate _rate;
    private readonly TimeProvider _time;
    private readonly DispatcherOptions _options;
    private readonly string _owner;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Task> _running = new(StringComparer.Ordinal);

    /// <summary>The last claim took fewer than it asked for: nothing else was due when it ran.</summary>
    private bool _drained;

    public Lane(
        ILaneWork<TLease> work, LaneSignal signal, ChannelCircuit circuit, ChannelRate rate, TimeProvider time,
        DispatcherOptions options, string owner, ILogger logger)
    {
        _circuit = circuit;
        _rate = rate;
        _work = work;
        _signal = signal;
        _time = time;
        _options = options;
        _owner = owner;
        _logger = logger;
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        using var hardStop = new CancellationTokenSource();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ClaimAsync(hardStop.Token, stopping);
                await WaitAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.LaneFailed(_logger, ex, _work.Name);
                await Pause(_options.PollInterval, stopping);
            }
        }

        await DrainAsync(hardStop);
    }

    /// <summary>
    /// Claims as many due deliveries as there are free slots, as far as the circuit (none while open, one probe when
    /// half-open) and the rate limit allow; the rest stay pending in the store.
    /// </summary>
    private async Task ClaimAsync(CancellationToken hardStop, CancellationToken stopping)
    {
        Prune();
        _signal.Reset();
        _drained = false;
        var free = _work.MaxConcurrency - _running.Count;
        if (free <= 0)
        {
            return;
        }

        var admitted = _circuit.Admit(_rate.Admit(free));
        if (admitted <= 0)
        {
            return;
        }

        var claimed = await _work.ClaimAsync(_owner, admitted, _time.GetUtcNow(), _options.LeaseDuration, stopping);
        _drained = claimed.Count < admitted;
        _rate.Started(claimed.Count);
        _circuit.Unused(admitted, claimed.Count);
        foreach (var lease in claimed)
        {
            // This lane may re-claim a delivery it is still running if that try's lease ran out unrenewed: the old
            // try is fenced off by the new token, and the new one waits for it to end so they never send at once.
            var id = _work.KeyOf(lease);
            _running[id] = _running.TryGetValue(id, out var earlier)
                ? earlier.ContinueWith(_ => _work.RunAsync(lease, hardStop), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap()
                : Task.Run(() => _work.RunAsync(lease, hardStop), CancellationToken.None);
        }
    }

    /// <summary>
    /// Sleeps until work may be due: a signal, a finished try (a slot frees up, or a later delivery of the same item
    /// may go), the next due time, or the poll interval.
    /// </summary>
    /// <remarks>
    /// Claims follow demand: a claim is a write, so a finished try leads to one only when the lane's last claim was
    /// full (more may be waiting) or the store now has something due (the try may have let a later revision of its
    /// item go). Otherwise the lane reads the next due time again and goes on waiting.
    /// </remarks>
    private async Task WaitAsync(CancellationToken stopping)
    {
        var next = await NextDueAsync(stopping);
        while (await WaitOnceAsync(next, stopping) is (false, var later))
        {
            Prune();
            next = later;
        }
    }

    /// <summary>
    /// With every slot taken, only a finished try (or a signal) can let the next claim take anything: the store is
    /// not asked when something falls due, which saves a read per claim while the lane is busy.
    /// </summary>
    private async Task<DateTimeOffset?> NextDueAsync(CancellationToken stopping) =>
        _running.Count >= _work.MaxConcurrency ? null : await _work.NextDueAsync(stopping);

    /// <summary>
    /// One wait. Claim is false when only a finished try woke the lane and nothing is due for it to claim; Next is
    /// then the store's next due time, read just now.
    /// </summary>
    private async Task<(bool Claim, DateTimeOffset? Next)> WaitOnceAsync(DateTimeOffset? next, CancellationToken stopping)
    {
        var now = _time.GetUtcNow();

        // While the circuit is open or the rate limit reached, the next claim waits for them, not for the store.
        if (Later(_circuit.OpenUntil, _rate.NextSlot) is { } gate && next is not null)
        {
            next = gate;
        }

        var wait = next is { } due && due > now && due - now < _options.PollInterval ? due - now : _options.PollInterval;
        var signalled = _signal.WaitAsync();
        var wakers = new List<Task>(_running.Values) { signalled };
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var timed = Task.Delay(wait, _time, timer.Token);
        wakers.Add(timed);
        var woke = await Task.WhenAny(wakers);
        await timer.CancelAsync();
        stopping.ThrowIfCancellationRequested();
        if (woke == signalled || woke == timed || !_drained)
        {
            return (true, null);
        }

        Prune();
        var later = await NextDueAsync(stopping);
        return (later is { } dueNow && dueNow <= _time.GetUtcNow(), later);
    }

    /// <summary>Shutdown: lets running tries finish within the grace period, then stops and releases the rest.</summary>
    private async Task DrainAsync(CancellationTokenSource hardStop)
    {
        Prune();
        if (_running.Count == 0)
        {
            return;
        }

        Log.Draining(_logger, _work.Name, _running.Count);
        var all = Task.WhenAll(_running.Values);
        await Task.WhenAny(all, Task.Delay(_options.ShutdownGrace, _time, CancellationToken.None));
        await hardStop.CancelAsync();
        await all;
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private void Prune()
    {
        foreach (var done in _running.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToList())
        {
            _running.Remove(done);
        }
    }

    private async Task Pause(TimeSpan wait, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(wait, _time, stopping);
        }
        catch (OperationCanceledException)
        {
            // Stopping; the loop ends.
        }
    }
}
