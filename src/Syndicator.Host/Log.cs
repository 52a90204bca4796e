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
}
