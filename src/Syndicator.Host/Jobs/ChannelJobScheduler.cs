using Quartz;

namespace Syndicator.Host.Jobs;

/// <summary>
/// Puts each <see cref="ChannelJobs"/> entry on Quartz's schedule at start-up: a durable job keyed by the channel job's
/// key with a cron trigger in the job's time zone, and takes off the jobs the configuration no longer has.
/// </summary>
/// <remarks>
/// On a clustered store the schedule is shared and every node does this as it starts, often several at once. So a
/// trigger that already says what the configuration says is left alone — replacing it would reset its state under a
/// node that may be about to fire it — and a differing one is replaced, which the store does under its trigger lock,
/// so nodes racing to write the same job find it there rather than failing on a duplicate key.
/// </remarks>
internal sealed class ChannelJobScheduler : IHostedService
{
    public const string Group = "channel-jobs";

    private readonly ChannelJobs _jobs;
    private readonly ISchedulerFactory _schedulers;
    private readonly ILogger<ChannelJobScheduler> _logger;

    public ChannelJobScheduler(ChannelJobs jobs, ISchedulerFactory schedulers, ILogger<ChannelJobScheduler> logger)
    {
        _jobs = jobs;
        _schedulers = schedulers;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await _schedulers.GetScheduler(cancellationToken);
        var wanted = new HashSet<JobKey>();
        foreach (var job in _jobs.All)
        {
            var key = new JobKey(job.Key, Group);
            wanted.Add(key);
            var triggerKey = new TriggerKey(job.Key, Group);
            if (await scheduler.GetTrigger(triggerKey, cancellationToken) is ICronTrigger current
                && current.CronExpressionString == job.CronExpression
                && current.TimeZone.Id == job.TimeZone.Id
                && current.JobKey.Equals(key))
            {
                Log.JobKept(_logger, job.Key, job.CronExpression, job.TimeZone.DisplayName, current.NextFireTimeUtc);
                continue;
            }

            var detail = JobBuilder.Create<ChannelJobRunner>()
                .WithIdentity(key)
                .UsingJobData(ChannelJobRunner.KeyData, job.Key)
                .StoreDurably()

                // A node that dies in the middle of a run has it run again elsewhere, for the same fire time: the
                // connectors' jobs are written to be repeated (WeChat's digest sends under a clientmsgid).
                .RequestRecovery()
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(triggerKey)
                .ForJob(key)
                .WithCronSchedule(job.CronExpression, c => c.InTimeZone(job.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            var first = await scheduler.ScheduleJob(detail, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
            Log.JobScheduled(_logger, job.Key, job.CronExpression, job.TimeZone.DisplayName, first);
        }

        // Left on a shared schedule, a job switched off in the configuration would keep firing (and do nothing).
        foreach (var stale in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken))
        {
            if (!wanted.Contains(stale) && await scheduler.DeleteJob(stale, cancellationToken))
            {
                Log.JobRemoved(_logger, stale.Name);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
