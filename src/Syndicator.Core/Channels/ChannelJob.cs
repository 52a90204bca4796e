namespace Syndicator.Core.Channels;

/// <summary>
/// Recurring work of a connector that is not one delivery — WeChat's daily mass-send digest, for example. The host
/// schedules each job with Quartz, so that it fires once per interval however many nodes run; the job itself must
/// still be idempotent for its <see cref="ChannelJobRun.ScheduledFor"/> (a run may be repeated after a crash).
/// </summary>
/// <param name="Channel">The channel the job belongs to.</param>
/// <param name="Name">A name unique within the channel, e.g. <c>mass-send-digest</c>.</param>
/// <param name="CronExpression">When it fires: a Quartz cron expression (seconds first) read in <paramref name="TimeZone"/>.</param>
/// <param name="TimeZone">The zone of <paramref name="CronExpression"/>.</param>
/// <param name="RunAsync">The work. Returns what it did, for the log and the audit trail.</param>
public sealed record ChannelJob(
    string Channel,
    string Name,
    string CronExpression,
    TimeZoneInfo TimeZone,
    Func<ChannelJobRun, CancellationToken, Task<ChannelJobResult>> RunAsync)
{
    /// <summary>The job's key, unique in the service: <c>{channel}.{name}</c>.</summary>
    public string Key => $"{Channel}.{Name}";
}

/// <summary>One run of a <see cref="ChannelJob"/>.</summary>
/// <param name="ScheduledFor">The fire time this run stands for (a retry keeps the time of the run it repeats).</param>
/// <param name="Attempt">1 for the scheduled run, more for retries of it.</param>
public sealed record ChannelJobRun(DateTimeOffset ScheduledFor, int Attempt);

/// <summary>What a run of a <see cref="ChannelJob"/> came to.</summary>
/// <param name="Summary">What happened, in words operators read (Chinese first).</param>
/// <param name="RetryAfter">Set when the run must be repeated (for the same <see cref="ChannelJobRun.ScheduledFor"/>) after this long.</param>
public sealed record ChannelJobResult(string Summary, TimeSpan? RetryAfter = null);
