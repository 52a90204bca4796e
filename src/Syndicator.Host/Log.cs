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

    [LoggerMessage(600, LogLevel.Information, "Health checks scheduled every {Interval}; next run {NextRun}")]
    public static partial void HealthScheduled(ILogger logger, TimeSpan interval, DateTimeOffset? nextRun);

    [LoggerMessage(601, LogLevel.Information, "Health checks already on the schedule every {Interval}; next run {NextRun}")]
    public static partial void HealthScheduleKept(ILogger logger, TimeSpan interval, DateTimeOffset? nextRun);

    [LoggerMessage(602, LogLevel.Debug, "Health check run for {ScheduledFor} done; {Pruned} old checks pruned")]
    public static partial void HealthRunDone(ILogger logger, DateTimeOffset scheduledFor, int pruned);

    [LoggerMessage(603, LogLevel.Error, "Health check of {Channel} could not be recorded")]
    public static partial void HealthCheckFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(604, LogLevel.Error, "Health check of {Channel} threw; recorded as unhealthy")]
    public static partial void HealthCheckThrew(ILogger logger, Exception exception, string channel);

    [LoggerMessage(605, LogLevel.Error, "Backlog check of {Channel} failed")]
    public static partial void BacklogCheckFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(606, LogLevel.Error, "Alert {Kind} on {Subject} could not be raised")]
    public static partial void AlertFailed(ILogger logger, Exception exception, string kind, string subject);

    [LoggerMessage(607, LogLevel.Debug, "Alert {Kind} on {Subject} sent to the webhook at {Host}")]
    public static partial void WebhookSent(ILogger logger, string kind, string subject, string host);

    [LoggerMessage(608, LogLevel.Warning, "Alert {Kind} on {Subject}: the webhook at {Host} refused it ({Status}): {Answer}")]
    public static partial void WebhookRefused(ILogger logger, string kind, string subject, string host, int status, string answer);

    [LoggerMessage(609, LogLevel.Warning, "Alert {Kind} on {Subject}: the webhook at {Host} could not be reached after retries ({Error})")]
    public static partial void WebhookFailed(ILogger logger, string kind, string subject, string host, string error);
}
