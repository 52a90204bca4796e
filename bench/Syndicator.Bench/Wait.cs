using System.Diagnostics;
using System.Globalization;

namespace Syndicator.Bench;

/// <summary>A wait of the bench that passed its deadline, or saw no progress for too long; the message says what it waited for.</summary>
internal sealed class BenchTimeoutException(string message) : Exception(message);

/// <summary>
/// Every wait of the bench: polls a condition, prints its state to standard error every few seconds (so a stall is
/// visible while it happens), and gives up with <see cref="BenchTimeoutException"/> naming what it waited for and the
/// last state seen when the deadline passes or the state stops changing for <c>stall</c>.
/// </summary>
internal static class Wait
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Polls <paramref name="probe"/> every <paramref name="every"/> until it reports done. <paramref name="explain"/>,
    /// when given, is asked once on failure for what the service says (e.g. a few open deliveries and their errors).
    /// </summary>
    public static async Task UntilAsync(
        string what, TimeSpan deadline, TimeSpan stall, TimeSpan every,
        Func<CancellationToken, Task<(bool Done, string State)>> probe, TextWriter log,
        Func<CancellationToken, Task<string>>? explain, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var lastState = "(not read yet)";
        var changedAt = TimeSpan.Zero;
        var explained = false;
        while (true)
        {
            var (done, state) = await probe(cancellationToken);
            if (done)
            {
                return;
            }

            if (!string.Equals(state, lastState, StringComparison.Ordinal))
            {
                lastState = state;
                changedAt = clock.Elapsed;
                explained = false;
            }

            if (!explained && explain is not null && clock.Elapsed - changedAt >= stall / 4)
            {
                // Slow but not yet stalled: say once why, while it still waits (a retry's back-off, a quota…).
                explained = true;
                log.WriteLine($"  … {what}: unchanged for {(clock.Elapsed - changedAt).TotalSeconds:0} s; {await ExplainAsync(explain, cancellationToken)}");
            }

            var now = clock.Elapsed;
            if (now - lastReport >= ReportEvery)
            {
                lastReport = now;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … {what}: {state} ({now.TotalSeconds:0} s)"));
            }

            var reason = now >= deadline ? $"the deadline of {deadline.TotalSeconds:0} s passed"
                : now - changedAt >= stall ? $"nothing changed for {stall.TotalSeconds:0} s"
                : null;
            if (reason is not null)
            {
                var detail = explain is null ? "" : "\n" + await ExplainAsync(explain, cancellationToken);
                throw new BenchTimeoutException($"Gave up waiting for {what}: {reason}. Last seen: {state}.{detail}");
            }

            await Task.Delay(every, TimeProvider.System, cancellationToken);
        }
    }

    private static async Task<string> ExplainAsync(Func<CancellationToken, Task<string>> explain, CancellationToken cancellationToken)
    {
        try
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(TimeSpan.FromSeconds(30));
            return await explain(bounded.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            return $"(could not ask the service why: {ex.Message})";
        }
    }

    /// <summary>Runs <paramref name="work"/> and prints <paramref name="state"/> every few seconds while it runs.</summary>
    public static async Task WithProgressAsync(string what, Task work, Func<string> state, TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!work.IsCompleted)
        {
            var finished = await Task.WhenAny(work, Task.Delay(ReportEvery, TimeProvider.System, cancellationToken));
            if (finished != work)
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … {what}: {state()} ({clock.Elapsed.TotalSeconds:0} s)"));
            }
        }

        await work;
    }
}
