namespace Syndicator.Host;

/// <summary>The host's own log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Job {Job} scheduled ({Cron}, {Zone}); next run {NextRun}")]
    public static partial void JobScheduled(ILogger logger, string job, string cron, string zone, DateTimeOffset? nextRun);

    [LoggerMessage(2, LogLevel.Information, "Job {Job}, try {Attempt}: {Summary}")]
    public static partial void JobRan(ILogger logger, string job, int attempt, string summary);

    [LoggerMessage(3, LogLevel.Error, "Job {Job} failed")]
    public static partial void JobFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(4, LogLevel.Information, "Job {Job} already on the schedule as configured ({Cron}, {Zone}); next run {NextRun}")]
    public static partial void JobKept(ILogger logger, string job, string cron, string zone, DateTimeOffset? nextRun);

    [LoggerMessage(5, LogLevel.Information, "Job {Job} taken off the schedule: the configuration no longer has it")]
    public static partial void JobRemoved(ILogger logger, string job);
}
