using System.Globalization;
using Quartz;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;

namespace Syndicator.Host.Jobs;

/// <summary>
/// The one Quartz job type: runs the <see cref="ChannelJob"/> its data names, records what it did in the audit trail,
/// and, when the run asks to be repeated, schedules one more run for the same fire time.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ChannelJobRunner : IJob
{
    public const string KeyData = "channelJob";
    public const string ScheduledForData = "scheduledFor";
    public const string AttemptData = "attempt";

    /// <summary>A run that still asks to be repeated after this many tries is given up (and audited as such).</summary>
    public const int MostAttempts = 10;

    private readonly ChannelJobs _jobs;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<ChannelJobRunner> _logger;

    public ChannelJobRunner(ChannelJobs jobs, IAuditLog audit, TimeProvider time, ILogger<ChannelJobRunner> logger)
    {
        _jobs = jobs;
        _audit = audit;
        _time = time;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        if (_jobs.Find(data.GetString(KeyData) ?? "") is not { } job)
        {
            return;
        }

        var run = new ChannelJobRun(
            DateTimeOffset.TryParse(data.GetString(ScheduledForData), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? at
                : context.ScheduledFireTimeUtc ?? _time.GetUtcNow(),
            data.ContainsKey(AttemptData) ? data.GetInt(AttemptData) : 1);
        ChannelJobResult result;
        try
        {
            result = await job.RunAsync(run, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.JobFailed(_logger, ex, job.Key);
            result = new ChannelJobResult($"任务异常 the job failed: {ex.GetType().Name}: {ex.Message}", TimeSpan.FromMinutes(5));
        }

        var retry = result.RetryAfter is { } after && run.Attempt < MostAttempts ? after : (TimeSpan?)null;
        Log.JobRan(_logger, job.Key, run.Attempt, result.Summary);
        await _audit.AppendAsync(new AuditEntry(_time.GetUtcNow(), "system", "channel.job", null, null, job.Channel, null,
            $"{job.Name} ({run.ScheduledFor:O}, try {run.Attempt}): {result.Summary}" + (retry is null ? "" : $"; again in {retry.Value:g}")),
            cancellationToken);
        if (retry is { } delay)
        {
            await context.Scheduler.ScheduleJob(TriggerBuilder.Create()
                .ForJob(context.JobDetail.Key)
                .UsingJobData(ScheduledForData, run.ScheduledFor.ToString("O", CultureInfo.InvariantCulture))
                .UsingJobData(AttemptData, run.Attempt + 1)
                .StartAt(_time.GetUtcNow() + delay)
                .Build(), cancellationToken: cancellationToken);
        }
    }
}
