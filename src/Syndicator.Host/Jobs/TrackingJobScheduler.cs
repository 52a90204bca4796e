using Microsoft.Extensions.Options;
using Quartz;
using Syndicator.Core.Tracking;

namespace Syndicator.Host.Jobs;

/// <summary>
/// Puts tracking and the watchdogs on Quartz's schedule at start-up (their own group, beside the channel jobs): on a
/// clustered store each fires once per cluster. A trigger that already says what the configuration says is left alone,
/// as <see cref="ChannelJobScheduler"/> does; a switched-off one is taken off.
/// </summary>
internal sealed class TrackingJobScheduler(
    ISchedulerFactory schedulers, IOptions<TrackingOptions> tracking, IOptions<WatchdogOptions> watchdogs, TimeProvider time)
    : IHostedService
{
    public const string Group = "tracking-jobs";

    /// <summary>Registers the scheduler of these jobs (one call from <see cref="QuartzSetup.Add"/>).</summary>
    public static void Add(IServiceCollection services) => services.AddHostedService<TrackingJobScheduler>();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var now = time.GetUtcNow();
        var t = tracking.Value;
        await EnsureAsync<TrackingFirstChecksJob>(scheduler, "tracking-first-checks", t.Enabled, t.FirstCheckAfter, now + t.FirstCheckAfter, cancellationToken);
        await EnsureAsync<TrackingSweepJob>(scheduler, "tracking-sweep", t.Enabled, t.Interval, now + t.Interval, cancellationToken);

        var w = watchdogs.Value;
        await EnsureDailyAsync(scheduler, w, cancellationToken);
        if (w.Enabled)
        {
            // Once at start as well, so a node that was down at the daily time catches up; alerts are once per episode anyway.
            await scheduler.ScheduleJob(TriggerBuilder.Create()
                .WithIdentity("watchdogs-at-start-" + Guid.NewGuid().ToString("N"), Group)
                .ForJob(new JobKey("watchdogs", Group))
                .StartAt(now + TimeSpan.FromSeconds(5))
                .Build(), cancellationToken: cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task EnsureAsync<TJob>(
        IScheduler scheduler, string name, bool enabled, TimeSpan every, DateTimeOffset firstAt, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var key = new JobKey(name, Group);
        if (!enabled)
        {
            await scheduler.DeleteJob(key, cancellationToken);
            return;
        }

        if (await scheduler.GetTrigger(new TriggerKey(name, Group), cancellationToken) is ISimpleTrigger current && current.RepeatInterval == every)
        {
            return;
        }

        await scheduler.ScheduleJob(Job<TJob>(key), TriggerBuilder.Create()
            .WithIdentity(name, Group)
            .StartAt(firstAt)
            .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever())
            .Build(), new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    private static async Task EnsureDailyAsync(IScheduler scheduler, WatchdogOptions options, CancellationToken cancellationToken)
    {
        var key = new JobKey("watchdogs", Group);
        if (!options.Enabled)
        {
            await scheduler.DeleteJob(key, cancellationToken);
            return;
        }

        // China keeps UTC+8 all year, so the daily China time is a fixed UTC time: a UTC cron needs no tzdata.
        var utc = options.DailyAt - WorkingDayCalendar.ChinaOffset + TimeSpan.FromDays(1);
        var cron = $"0 {utc.Minutes} {utc.Hours} * * ?";
        if (await scheduler.GetTrigger(new TriggerKey("watchdogs", Group), cancellationToken) is ICronTrigger current
            && current.CronExpressionString == cron)
        {
            return;
        }

        await scheduler.ScheduleJob(Job<WatchdogsJob>(key), TriggerBuilder.Create()
            .WithIdentity("watchdogs", Group)
            .WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build(), new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    private static IJobDetail Job<TJob>(JobKey key)
        where TJob : IJob => JobBuilder.Create<TJob>().WithIdentity(key).StoreDurably().Build();
}
