using Syndicator.Core.Channels;

namespace Syndicator.Core.Dispatch;

/// <summary>The states of a channel's circuit, as <c>GET /api/channels</c> shows them.</summary>
public enum CircuitState
{
    /// <summary>Claims as usual.</summary>
    Closed,

    /// <summary>Too many tries in a row failed for the channel's own reasons: no claims until the break is over.</summary>
    Open,

    /// <summary>The break is over: one try is let through; its outcome closes or opens the circuit again.</summary>
    HalfOpen,
}

/// <summary>
/// One channel's circuit breaker, driven by the outcomes of its tries (not by single HTTP calls: the inner retry
/// layer's calls are one try). Tries that fail for the channel's reasons — <see cref="ChannelOutcome.Transient"/>
/// and <see cref="ChannelOutcome.AuthFailed"/> — count; <c>CircuitFailures</c> in a row open the
/// circuit for the break, during which the lane claims nothing, so the channel's deliveries wait instead of using up
/// their attempts. Outcomes about one item (rejected, unconfirmed) or the platform's pacing (rate limit, quota) do not
/// count either way. Thread-safe.
/// </summary>
public sealed class ChannelCircuit
{
    private readonly Lock _gate = new();
    private readonly int _failuresToOpen;
    private readonly TimeSpan _break;
    private readonly TimeProvider _time;
    private int _failures;
    private DateTimeOffset? _openUntil;
    private bool _probing;
    private DateTimeOffset _probeStartedAt;

    public ChannelCircuit(int failuresToOpen, TimeSpan breakDuration, TimeProvider time)
    {
        _failuresToOpen = failuresToOpen;
        _break = breakDuration;
        _time = time;
    }

    public CircuitState State
    {
        get
        {
            lock (_gate)
            {
                return StateAt(_time.GetUtcNow());
            }
        }
    }

    /// <summary>When an open circuit lets a try through again; null when it is not open.</summary>
    public DateTimeOffset? OpenUntil
    {
        get
        {
            lock (_gate)
            {
                return StateAt(_time.GetUtcNow()) == CircuitState.Open ? _openUntil : null;
            }
        }
    }

    /// <summary>How many of <paramref name="wanted"/> claims may be made now: all when closed, one probe when half-open, none when open.</summary>
    public int Admit(int wanted)
    {
        lock (_gate)
        {
            switch (StateAt(_time.GetUtcNow()))
            {
                case CircuitState.Closed:
                    return wanted;
                // A probe whose try never reported (released at shutdown, lease lost) stops counting after a break.
                case CircuitState.HalfOpen when wanted > 0 && (!_probing || _time.GetUtcNow() - _probeStartedAt > _break):
                    _probing = true;
                    _probeStartedAt = _time.GetUtcNow();
                    return 1;
                default:
                    return 0;
            }
        }
    }

    /// <summary>Claims admitted but not made (nothing was due): a probe that did not happen is given back.</summary>
    public void Unused(int admitted, int claimed)
    {
        lock (_gate)
        {
            if (claimed == 0 && admitted > 0 && _probing)
            {
                _probing = false;
            }
        }
    }

    /// <summary>Takes the outcome of a try into account.</summary>
    public void Record(ChannelOutcome outcome)
    {
        lock (_gate)
        {
            switch (outcome)
            {
                case ChannelOutcome.Transient or ChannelOutcome.AuthFailed:
                    _failures++;
                    if (_probing || _failures >= _failuresToOpen)
                    {
                        _openUntil = _time.GetUtcNow() + _break;
                    }

                    _probing = false;
                    break;
                case ChannelOutcome.Succeeded or ChannelOutcome.Pending or ChannelOutcome.HandedOff:
                    _failures = 0;
                    _openUntil = null;
                    _probing = false;
                    break;
                default:
                    // About the item or the platform's pacing, not the channel's health; a probe with such an outcome
                    // proved the channel answers.
                    if (_probing)
                    {
                        _failures = 0;
                        _openUntil = null;
                        _probing = false;
                    }

                    break;
            }
        }
    }

    private CircuitState StateAt(DateTimeOffset now) => _openUntil switch
    {
        null => CircuitState.Closed,
        { } until when now < until => CircuitState.Open,
        _ => CircuitState.HalfOpen,
    };
}
