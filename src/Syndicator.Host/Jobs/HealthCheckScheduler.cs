using Microsoft.Extensions.Options;
using Quartz;
using Syndicator.Host.Health;

namespace Syndicator.Host.Jobs;

/// <summary>
/// Puts <see cref="HealthCheckJob"/> on Quartz's schedule at start-up: every <see cref="HealthOptions.Interval"/>,
/// first one interval after it is scheduled. On a clustered store a trigger that already has the configured interval
/// is left alone (every node starts this, often together; replacing it would reset it under a node about to fire it).
/// </summary>
internal sealed class HealthCheckScheduler(ISchedulerFactory schedulers, IOptions<HealthOptions> options, TimeProvider time, ILogger<HealthCheckScheduler> logger)
    : IHostedService
{
    public const string Group = "health";
    public static readonly JobKey Job = new("channel-health", Group);
    public static readonly TriggerKey Trigger = new("channel-health", Group);

    /// <summary>Registers the scheduler (after Quartz's hosted service, so it runs once Quartz is set up).</summary>
    public static void Add(IServiceCollection services) => services.AddHostedService<HealthCheckScheduler>();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.Interval;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (await scheduler.GetTrigger(Trigger, cancellationToken) is ISimpleTrigger current
            && current.RepeatInterval == interval && current.JobKey.Equals(Job))
        {
            Log.HealthScheduleKept(logger, interval, current.NextFireTimeUtc);
            return;
        }

        var job = JobBuilder.Create<HealthCheckJob>().WithIdentity(Job).StoreDurably().Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(Trigger)
            .ForJob(Job)
            .StartAt(time.GetUtcNow() + interval)

            // Runs missed while every node was down are not made up: the next one on the grid comes soon enough.
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        var first = await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
        Log.HealthScheduled(logger, interval, first);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
