namespace Syndicator.Core.Channels;

/// <summary>
/// What one step of a connector came to. Results are values, not exceptions: a connector throws only for bugs
/// and bad configuration. <see cref="Code"/> is the HTTP status or platform error code behind it, for the attempt log.
/// </summary>
public abstract record ChannelOutcome
{
    private ChannelOutcome()
    {
    }

    /// <summary>The HTTP status or platform error code behind the outcome, when there is one.</summary>
    public string? Code { get; init; }

    /// <summary>
    /// Live (publish, update) or gone (withdraw) on the platform. <see cref="Note"/> tells operators anything
    /// else that happened on the way (e.g. an old article deleted or kept); it goes to the attempt log and audit.
    /// </summary>
    public sealed record Succeeded(string RemoteId, Uri? Url) : ChannelOutcome
    {
        public string? Note { get; init; }
    }

    /// <summary>Accepted; the platform confirms later. Ask again after <paramref name="CheckAgainAfter"/>.</summary>
    public sealed record Pending(TimeSpan CheckAgainAfter, string Detail) : ChannelOutcome;

    /// <summary>
    /// Try again on the schedule (or after <paramref name="RetryAfter"/> when the platform said so). <see cref="SlowDown"/>
    /// marks a try the platform throttled or that timed out (an HTTP 429 code counts without it): the next try then
    /// waits at least <c>Retry:SlowDownAtLeast</c>.
    /// </summary>
    public sealed record Transient(string Reason, TimeSpan? RetryAfter = null) : ChannelOutcome
    {
        public bool SlowDown { get; init; }
    }

    /// <summary>Throttled: wait until <paramref name="Until"/> without counting a failure.</summary>
    public sealed record RateLimited(DateTimeOffset Until, string Reason) : ChannelOutcome;

    /// <summary>The day's quota is used up: wait until <paramref name="Until"/> without counting a failure.</summary>
    public sealed record QuotaExhausted(DateTimeOffset Until, string Reason) : ChannelOutcome;

    /// <summary>Credentials refused, after one refresh: the channel is unhealthy.</summary>
    public sealed record AuthFailed(string Reason) : ChannelOutcome;

    /// <summary>Permanent: content or configuration must change. Goes to operators.</summary>
    public sealed record Rejected(string Reason) : ChannelOutcome;

    /// <summary>Outcome unknown and reconciliation impossible: stop and ask an operator.</summary>
    public sealed record Unconfirmed(string Reason) : ChannelOutcome;

    /// <summary>The platform has no API for this step: an operator does it by hand and confirms the URL.</summary>
    public sealed record HandedOff(string Instructions) : ChannelOutcome;
}
