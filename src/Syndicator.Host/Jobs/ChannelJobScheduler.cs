using Quartz;

namespace Syndicator.Host.Jobs;

/// <summary>
/// Puts each <see cref="ChannelJobs"/> entry on Quartz's schedule at start-up: a durable job keyed by the channel job's
/// key with a cron trigger in the job's time zone. Replacing on every start keeps the schedule in step with the
/// configuration.
/// </summary>
internal sealed class ChannelJobScheduler : IHostedService
{
    private const string Group = "channel-jobs";

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
        foreach (var job in _jobs.All)
        {
            var key = new JobKey(job.Key, Group);
            var detail = JobBuilder.Create<ChannelJobRunner>()
                .WithIdentity(key)
                .UsingJobData(ChannelJobRunner.KeyData, job.Key)
                .StoreDurably()
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(job.Key, Group)
                .ForJob(key)
                .WithCronSchedule(job.CronExpression, c => c.InTimeZone(job.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            var first = await scheduler.ScheduleJob(detail, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
            Log.JobScheduled(_logger, job.Key, job.CronExpression, job.TimeZone.DisplayName, first);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
