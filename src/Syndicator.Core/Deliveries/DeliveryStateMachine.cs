using Syndicator.Core.Channels;

namespace Syndicator.Core.Deliveries;

/// <summary>
/// The delivery state machine: which outcome of a try leads where, and when the next try is due.
/// </summary>
/// <remarks>
/// <code>
/// pending ──claim──▶ in_progress ──Succeeded──────────▶ succeeded
///    ▲                  │  ├──Pending─────────────────▶ awaiting_confirmation ──(due)──▶ in_progress
///    │                  │  ├──Transient/AuthFailed────▶ pending (next step of the schedule) │ failed (schedule used up)
///    │                  │  ├──RateLimited/Quota───────▶ pending (until; no attempt counted)
///    │                  │  ├──Rejected────────────────▶ failed
///    │                  │  ├──Unconfirmed─────────────▶ unconfirmed
///    │                  │  └──HandedOff───────────────▶ handoff ──confirm──▶ succeeded
///    └──retry (operator)── failed │ unconfirmed
/// pending ──newer revision or command──▶ superseded
/// </code>
/// </remarks>
public sealed class DeliveryStateMachine
{
    private readonly IReadOnlyList<TimeSpan> _schedule;
    private readonly double _jitter;
    private readonly Func<double> _random;
    private readonly TimeSpan _slowDown;

    /// <param name="options">The retry schedule.</param>
    /// <param name="random">A source of numbers in [0, 1) for jitter; tests pass a fixed one.</param>
    public DeliveryStateMachine(RetryOptions options, Func<double>? random = null)
    {
        _schedule = options.Schedule.Count > 0 ? options.Schedule : RetryOptions.DefaultSchedule;
        _jitter = options.Jitter;
        _random = random ?? Random.Shared.NextDouble;
        _slowDown = options.SlowDownAtLeast;
    }

    /// <summary>The transition for <paramref name="outcome"/> of the try that <paramref name="delivery"/> was in.</summary>
    public Transition Apply(Delivery delivery, ChannelOutcome outcome, DateTimeOffset now)
    {
        var attempts = delivery.Attempts + 1;
        return outcome switch
        {
            ChannelOutcome.Succeeded s => new(DeliveryStatus.Succeeded, attempts, null, null, s.RemoteId, s.Url),
            ChannelOutcome.Pending p => new(DeliveryStatus.AwaitingConfirmation, attempts, now + p.CheckAgainAfter, null),
            ChannelOutcome.Transient t => Retry(attempts, delivery.RetryBase, now, t.Reason, t),
            ChannelOutcome.AuthFailed a => Retry(attempts, delivery.RetryBase, now, "认证失败 authentication failed: " + a.Reason, a),
            ChannelOutcome.RateLimited r => new(DeliveryStatus.Pending, delivery.Attempts, Later(r.Until, now), r.Reason),
            ChannelOutcome.QuotaExhausted q => new(DeliveryStatus.Pending, delivery.Attempts, Later(q.Until, now), q.Reason),
            ChannelOutcome.Rejected r => new(DeliveryStatus.Failed, attempts, null, r.Reason),
            ChannelOutcome.Unconfirmed u => new(DeliveryStatus.Unconfirmed, attempts, null, u.Reason),
            ChannelOutcome.HandedOff h => new(DeliveryStatus.Handoff, attempts, null, h.Instructions),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
        };
    }

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based), jittered; null when the schedule is used up.</summary>
    public TimeSpan? Delay(int retry, TimeSpan? retryAfter = null)
    {
        if (retry < 1 || retry > _schedule.Count)
        {
            return null;
        }

        var step = _schedule[retry - 1];
        if (retryAfter is { } asked)
        {
            // The platform's Retry-After is honoured within [step, 2 × step]: never sooner than our own
            // schedule, never so late that one answer parks a delivery for hours.
            return TimeSpan.FromTicks(Math.Clamp(asked.Ticks, step.Ticks, step.Ticks * 2));
        }

        var spread = 1 + (_jitter * ((2 * _random()) - 1));
        return TimeSpan.FromTicks((long)(step.Ticks * spread));
    }

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> after <paramref name="outcome"/> (a transient answer or a
    /// refused credential): <see cref="Delay"/> with a transient answer's <c>Retry-After</c>, and at least
    /// <c>Retry:SlowDownAtLeast</c> when the far side asked us to slow down (a 429, or no answer in time); null when
    /// the schedule is used up. Channel deliveries and events both wait by it.
    /// </summary>
    public TimeSpan? RetryWait(int retry, ChannelOutcome outcome)
    {
        var transient = outcome as ChannelOutcome.Transient;
        if (Delay(retry, transient?.RetryAfter) is not { } wait)
        {
            return null;
        }

        var slowDown = transient is { } t && (t.SlowDown || t.Code == "429");
        return slowDown && wait < _slowDown ? _slowDown : wait;
    }

    private Transition Retry(int attempts, int retryBase, DateTimeOffset now, string reason, ChannelOutcome outcome) =>
        RetryWait(attempts - retryBase, outcome) is { } wait
            ? new(DeliveryStatus.Pending, attempts, now + wait, reason)
            : new(DeliveryStatus.Failed, attempts, null, $"{reason} (gave up after {attempts} attempts)");

    private static DateTimeOffset Later(DateTimeOffset until, DateTimeOffset now) => until > now ? until : now;
}

/// <summary>Where a delivery goes after a try.</summary>
public sealed record Transition(
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    string? RemoteId = null,
    Uri? Url = null);
