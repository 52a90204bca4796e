namespace Syndicator.Core.Dispatch;

/// <summary>
/// Keeps a lease alive while a try runs (renewing at a third of its length) and cancels <see cref="Token"/> when
/// the lease is lost or the hard-stop token fires.
/// </summary>
internal sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly Task _loop;

    /// <param name="renew">Extends the lease to the given instant; false when it was lost.</param>
    /// <param name="time">The clock.</param>
    /// <param name="leaseFor">The lease's length.</param>
    /// <param name="hardStop">Shutdown's end.</param>
    public LeaseHeartbeat(Func<DateTimeOffset, CancellationToken, Task<bool>> renew, TimeProvider time, TimeSpan leaseFor, CancellationToken hardStop)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(hardStop);
        _loop = RenewAsync(renew, time, leaseFor);
    }

    public CancellationToken Token => _cts.Token;

    public bool LeaseLost { get; private set; }

    private async Task RenewAsync(Func<DateTimeOffset, CancellationToken, Task<bool>> renew, TimeProvider time, TimeSpan leaseFor)
    {
        using var timer = new PeriodicTimer(leaseFor / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_cts.Token))
            {
                bool renewed;
                try
                {
                    renewed = await renew(time.GetUtcNow() + leaseFor, _cts.Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One failed renewal (a busy database) is not fatal: the lease still runs to its end, the next tick
                    // tries again, and the fenced writes tell the truth either way.
                    continue;
                }

                if (!renewed)
                {
                    LeaseLost = true;
                    await _cts.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The try ended or the lease was lost; either way the loop is done.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        await _loop;
        _cts.Dispose();
    }
}
